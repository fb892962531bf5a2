//===- Queues.h - recognising queues, their sizes and memory ----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_QUEUES_H
#define UNBOUNDED_UTILS_QUEUES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang::tidy::unbounded::utils {

/// The element type of a queue class: the first template argument when it
/// is a type, otherwise the T of a std::vector<T> member (a hand-written
/// ring buffer over a vector). Empty when unknown or incomplete.
std::optional<QualType> elementType(const CXXRecordDecl &Queue,
                                    ASTContext &Ctx);

/// N of a boost::lockfree::capacity<N> among a queue's template arguments.
std::optional<uint64_t> lockfreeCapacity(const CXXRecordDecl &Queue);

/// Whether a Boost.Lockfree queue has a fixed size (capacity<N> or
/// fixed_sized<true>): only then does its push fail when it is full; a
/// queue without one allocates another node instead.
bool isFixedSizeLockfree(const CXXRecordDecl &Queue);

/// A node linked into a hand-written linked queue: `tail_->next = node`.
struct LinkedAppend {
  const FieldDecl *Link; ///< the node's link to the next one (`next`)
  const FieldDecl *List; ///< the queue's member the node is linked through
  SourceLocation Loc;    ///< where the link is written
};

/// The link Assignment writes, if its left side is the link member of a
/// self-referential node (`Node *next`, `std::unique_ptr<Node> next`) reached
/// through a member of the same type of the queue (`tail_->next`), or that
/// member itself (`head_ = node`). Works in a template's own body, where
/// the link is a dependent member named in the node's class.
std::optional<LinkedAppend> linkedAppend(const Expr &Assignment);

/// Whether Body allocates a new node of Link's class: `new Node`,
/// `std::make_unique<Node>`, `std::make_shared<Node>`.
bool allocatesNode(const Stmt *Body, const FieldDecl &Link);

/// Whether a member function of Queue (its template's pattern for an
/// instantiation) other than Except moves a member forward along Link:
/// `head_ = std::move(head_->next)`, the consumer of a linked queue.
bool unlinksAlong(const CXXRecordDecl &Queue, const FieldDecl &Link,
                  const FunctionDecl &Except);

/// 1048576 → "1,048,576".
std::string withThousands(uint64_t Value);

/// 67108864 → "64 MiB", 24000000 → "22.9 MiB".
std::string byteSize(uint64_t Bytes);

/// "1,048,576 slots x 64 B = 64 MiB", or "" when the element size is unknown.
std::string slotMemory(uint64_t Slots, std::optional<QualType> Element,
                       ASTContext &Ctx);

} // namespace clang::tidy::unbounded::utils

#endif
