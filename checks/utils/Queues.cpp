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
