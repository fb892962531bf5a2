//===- Queues.cpp - recognising queues, their sizes and memory ------------===//

#include "utils/Queues.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::unbounded::utils {

static std::optional<QualType> completeType(QualType T, ASTContext &Ctx) {
  if (T.isNull() || T->isDependentType() || T->isIncompleteType())
    return std::nullopt;
  return T;
}

std::optional<QualType> elementType(const CXXRecordDecl &Queue,
                                    ASTContext &Ctx) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Queue)) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type)
      return completeType(Args[0].getAsType(), Ctx);
    return std::nullopt;
  }
  if (!Queue.hasDefinition())
    return std::nullopt;
  for (const FieldDecl *Field : Queue.fields()) {
    const auto *Vector = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        recordOf(Field->getType()));
    if (Vector && Vector->isInStdNamespace() &&
        Vector->getDeclName().isIdentifier() && Vector->getName() == "vector" &&
        Vector->getTemplateArgs().size() > 0)
      return completeType(Vector->getTemplateArgs()[0].getAsType(), Ctx);
  }
  return std::nullopt;
}

/// A class template specialization's arguments, packs expanded
/// (queue<T, Options...> receives its options as one pack).
static std::vector<TemplateArgument>
flatArguments(const CXXRecordDecl &Record) {
  std::vector<TemplateArgument> Args;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Record);
  if (!Spec)
    return Args;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Pack)
      Args.insert(Args.end(), Arg.pack_begin(), Arg.pack_end());
    else
      Args.push_back(Arg);
  }
  return Args;
}

/// The integral argument of a boost::lockfree::<Option><N> among Record's
/// template arguments.
static std::optional<uint64_t> lockfreeOption(const CXXRecordDecl &Record,
                                              llvm::StringRef Option) {
  for (const TemplateArgument &Arg : flatArguments(Record)) {
    if (Arg.getKind() != TemplateArgument::Type)
      continue;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        Arg.getAsType()->getAsCXXRecordDecl());
    if (!Spec || !Spec->getDeclName().isIdentifier() ||
        Spec->getName() != Option ||
        !isNamedAnyOf(Spec, {("::boost::lockfree::" + Option).str()}))
      continue;
    const TemplateArgumentList &Value = Spec->getTemplateArgs();
    if (Value.size() == 1 && Value[0].getKind() == TemplateArgument::Integral)
      return Value[0].getAsIntegral().getZExtValue();
  }
  return std::nullopt;
}

/// Whether A and B are the same class.
static bool sameClass(const CXXRecordDecl *A, const CXXRecordDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

/// The class a pointer type points to: `Node *`, or the first argument of a
/// `unique_ptr`/`shared_ptr` (also as written in a template's body).
static const CXXRecordDecl *pointee(QualType T) {
  T = T.getNonReferenceType();
  if (T.isNull())
    return nullptr;
  if (T->isPointerType())
    return T->getPointeeType()->getAsCXXRecordDecl();
  const auto *Spec = T->getAs<TemplateSpecializationType>();
  const TemplateDecl *Template =
      Spec ? Spec->getTemplateName().getAsTemplateDecl() : nullptr;
  if (!Template || !isNamedAnyOf(Template, {"unique_ptr", "shared_ptr"}) ||
      Spec->template_arguments().empty() ||
      Spec->template_arguments()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return Spec->template_arguments()[0].getAsType()->getAsCXXRecordDecl();
}

/// The first member of Node that points to another Node.
static const FieldDecl *selfLink(const CXXRecordDecl *Node) {
  if (!Node || !Node->hasDefinition())
    return nullptr;
  for (const FieldDecl *Field : Node->getDefinition()->fields())
    if (sameClass(pointee(Field->getType()), Node))
      return Field;
  return nullptr;
}

namespace {
/// A member access as written: resolved, or dependent in a template.
struct MemberAccess {
  const FieldDecl *Field = nullptr;
  const Expr *Base = nullptr;
  SourceLocation Loc;
};
} // namespace

static std::optional<MemberAccess> memberAccess(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return std::nullopt;
    return MemberAccess{Field, Member->getBase(), Member->getMemberLoc()};
  }
  const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(E);
  if (!Dependent || Dependent->isImplicitAccess() ||
      !Dependent->getMember().isIdentifier())
    return std::nullopt;
  QualType BaseType = Dependent->getBaseType();
  const CXXRecordDecl *Record =
      Dependent->isArrow() ? pointee(BaseType) : BaseType->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return std::nullopt;
  for (const NamedDecl *Found :
       Record->getDefinition()->lookup(Dependent->getMember()))
    if (const auto *Field = dyn_cast<FieldDecl>(Found))
      return MemberAccess{Field, Dependent->getBase(),
                          Dependent->getMemberLoc()};
  return std::nullopt;
}

/// The left side of an assignment, built-in or overloaded.
static const Expr *assignedTo(const Expr &Assignment) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(&Assignment))
    return Binary->getOpcode() == BO_Assign ? Binary->getLHS() : nullptr;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Assignment);
  return Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2
             ? Op->getArg(0)
             : nullptr;
}

/// The right side of an assignment, built-in or overloaded.
static const Expr *assignedFrom(const Expr &Assignment) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(&Assignment))
    return Binary->getRHS();
  return cast<CXXOperatorCallExpr>(Assignment).getArg(1);
}

std::optional<LinkedAppend> linkedAppend(const Expr &Assignment) {
  const Expr *Target = assignedTo(Assignment);
  std::optional<MemberAccess> Access =
      Target ? memberAccess(Target) : std::nullopt;
  if (!Access)
    return std::nullopt;
  // tail_->next = node
  const auto *Node = dyn_cast<CXXRecordDecl>(Access->Field->getParent());
  const auto *Through =
      dyn_cast_or_null<FieldDecl>(referencedDecl(Access->Base));
  if (Through && sameClass(pointee(Access->Field->getType()), Node) &&
      sameClass(pointee(Through->getType()), Node))
    return LinkedAppend{Access->Field, Through, Access->Loc};
  // head_ = node
  if (const FieldDecl *Link = selfLink(pointee(Access->Field->getType())))
    return LinkedAppend{Link, Access->Field, Access->Loc};
  return std::nullopt;
}

bool allocatesNode(const Stmt *Body, const FieldDecl &Link) {
  const auto *Node = dyn_cast<CXXRecordDecl>(Link.getParent());
  return anyStmt(Body, [&](const Stmt *S) {
    if (const auto *New = dyn_cast<CXXNewExpr>(S))
      return sameClass(New->getAllocatedType()->getAsCXXRecordDecl(), Node);
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return false;
    // std::make_unique<Node>(), resolved or as written in a template.
    if (const auto *Lookup =
            dyn_cast<UnresolvedLookupExpr>(Call->getCallee()->IgnoreParens()))
      return Lookup->getName().isIdentifier() &&
             llvm::is_contained(
                 {llvm::StringRef("make_unique"),
                  llvm::StringRef("make_shared")},
                 Lookup->getName().getAsIdentifierInfo()->getName()) &&
             Lookup->getNumTemplateArgs() > 0 &&
             Lookup->getTemplateArgs()[0].getArgument().getKind() ==
                 TemplateArgument::Type &&
             sameClass(Lookup->getTemplateArgs()[0]
                           .getArgument()
                           .getAsType()
                           ->getAsCXXRecordDecl(),
                       Node);
    return isNamedAnyOf(Call->getDirectCallee(),
                        {"::std::make_unique", "::std::make_shared"}) &&
           sameClass(pointee(Call->getType()), Node);
  });
}

bool unlinksAlong(const CXXRecordDecl &Queue, const FieldDecl &Link,
                  const FunctionDecl &Except) {
  const CXXRecordDecl *Pattern = &Queue;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Queue))
    Pattern = Spec->getSpecializedTemplate()->getTemplatedDecl();
  if (!Pattern->hasDefinition() || !Link.getDeclName().isIdentifier())
    return false;
  auto ReadsLink = [&](const Stmt *S) {
    return anyStmt(S, [&](const Stmt *Node) {
      const auto *E = dyn_cast<Expr>(Node);
      std::optional<MemberAccess> Access = E ? memberAccess(E) : std::nullopt;
      return Access && Access->Field->getDeclName().isIdentifier() &&
             Access->Field->getName() == Link.getName();
    });
  };
  auto MovesMember = [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    const Expr *Target = E ? assignedTo(*E) : nullptr;
    const auto *Member =
        Target ? dyn_cast_or_null<FieldDecl>(referencedDecl(Target)) : nullptr;
    return Member &&
           sameClass(dyn_cast<CXXRecordDecl>(Member->getParent()), Pattern) &&
           ReadsLink(assignedFrom(*E));
  };
  for (const CXXMethodDecl *Method : Pattern->getDefinition()->methods())
    if (Method->hasBody() && Method->getDeclName() != Except.getDeclName() &&
        anyStmt(Method->getBody(), MovesMember))
      return true;
  return false;
}

std::optional<uint64_t> lockfreeCapacity(const CXXRecordDecl &Queue) {
  return lockfreeOption(Queue, "capacity");
}

bool isFixedSizeLockfree(const CXXRecordDecl &Queue) {
  std::optional<uint64_t> Fixed = lockfreeOption(Queue, "fixed_sized");
  return lockfreeCapacity(Queue) || (Fixed && *Fixed != 0);
}

std::string withThousands(uint64_t Value) {
  std::string Digits = std::to_string(Value);
  std::string Result;
  for (size_t I = 0; I < Digits.size(); ++I) {
    if (I > 0 && (Digits.size() - I) % 3 == 0)
      Result += ',';
    Result += Digits[I];
  }
  return Result;
}

std::string byteSize(uint64_t Bytes) {
  static constexpr const char *Units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double Value = static_cast<double>(Bytes);
  unsigned Unit = 0;
  while (Value >= 1024 && Unit + 1 < std::size(Units)) {
    Value /= 1024;
    ++Unit;
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  std::string Rounded;
  llvm::raw_string_ostream(Rounded) << llvm::format("%.1f", Value);
  OS << (llvm::StringRef(Rounded).ends_with(".0")
             ? llvm::StringRef(Rounded).drop_back(2)
             : llvm::StringRef(Rounded));
  OS << ' ' << Units[Unit];
  return Text;
}

std::string slotMemory(uint64_t Slots, std::optional<QualType> Element,
                       ASTContext &Ctx) {
  if (!Element)
    return "";
  uint64_t Size = Ctx.getTypeSizeInChars(*Element).getQuantity();
  if (Size == 0)
    return "";
  return withThousands(Slots) + " slots x " + byteSize(Size) + " = " +
         byteSize(Slots * Size);
}

bool containsExit(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<BreakStmt, ReturnStmt, GotoStmt, CXXThrowExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsExit(Child))
      return true;
  return false;
}

} // namespace clang::tidy::unbounded::utils
