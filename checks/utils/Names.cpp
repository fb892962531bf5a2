//===- Names.cpp - lists of names, matching names, spellings --------------===//

#include "utils/Names.h"
#include "utils/AstNavigation.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::unbounded::utils {

std::vector<std::string> parseList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::string joinList(llvm::ArrayRef<std::string> Items) {
  std::string Joined;
  for (const std::string &Item : Items) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Item;
  }
  return Joined;
}

bool isNamedAnyOf(const NamedDecl *ND, llvm::ArrayRef<std::string> Names) {
  if (!ND || Names.empty() || !ND->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Simple = ND->getName();
  std::vector<llvm::StringRef> Candidates;
  for (const std::string &Name : Names)
    if (llvm::StringRef(Name).ends_with(Simple))
      Candidates.push_back(Name);
  if (Candidates.empty())
    return false;
  using namespace ast_matchers;
  return !match(namedDecl(hasAnyName(Candidates)), *ND, ND->getASTContext())
              .empty();
}

/// "::ns::Class::method" → ("::ns::Class", "method"); ("", name) unqualified.
static std::pair<llvm::StringRef, llvm::StringRef>
splitMethod(llvm::StringRef Name) {
  size_t Colons = Name.rfind("::");
  if (Colons == llvm::StringRef::npos)
    return {"", Name};
  return {Name.substr(0, Colons), Name.substr(Colons + 2)};
}

ast_matchers::internal::Matcher<Decl>
functionNamedAnyOf(const std::vector<std::string> &Names) {
  using namespace ast_matchers;
  std::vector<llvm::StringRef> Full, Classes, Methods;
  for (const std::string &Name : Names) {
    Full.push_back(Name);
    auto [Class, Method] = splitMethod(Name);
    if (!Class.empty() && !Class.ends_with(":")) {
      Classes.push_back(Class);
      Methods.push_back(Method);
    }
  }
  if (Classes.empty())
    return functionDecl(hasAnyName(Full));
  return functionDecl(
      anyOf(hasAnyName(Full),
            cxxMethodDecl(hasAnyName(Methods),
                          ofClass(cxxRecordDecl(hasAnyName(Classes))))));
}

bool isFunctionNamedAnyOf(const FunctionDecl *FD,
                          llvm::ArrayRef<std::string> Names) {
  if (!FD || !FD->getDeclName().isIdentifier())
    return false;
  if (isNamedAnyOf(FD, Names))
    return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  if (!Method)
    return false;
  return llvm::any_of(Names, [&](const std::string &Name) {
    auto [Class, Simple] = splitMethod(Name);
    return !Class.empty() && Simple == Method->getName() &&
           isNamedAnyOf(Method->getParent(), {Class.str()});
  });
}

bool mentionsName(const Stmt *S, const llvm::Regex &Names) {
  return anyStmt(S, [&](const Stmt *Node) {
    const NamedDecl *D = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node))
      D = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(Node))
      D = Member->getMemberDecl();
    return D && D->getDeclName().isIdentifier() && Names.match(D->getName());
  });
}

std::string spelling(const Expr *E, ASTContext &Ctx) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text =
      Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts());
  std::string Flat;
  bool Space = false;
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == ' ') {
      Space = !Flat.empty();
      continue;
    }
    if (Space)
      Flat += ' ';
    Space = false;
    Flat += C;
  }
  if (Flat.size() > 60)
    Flat = Flat.substr(0, 57) + "...";
  return Flat;
}

} // namespace clang::tidy::unbounded::utils
