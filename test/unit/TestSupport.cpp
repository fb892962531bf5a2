//===- TestSupport.cpp - parse a snippet, find a node in it ---------------===//

#include "TestSupport.h"

#include "clang/Tooling/Tooling.h"
#include "llvm/Support/ErrorHandling.h"

namespace unbounded_test {

const char *const Prelude = R"cpp(
namespace std {
using size_t = decltype(sizeof(0));
using ptrdiff_t = decltype((int *)0 - (int *)0);

template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T>
constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T> constexpr const T &min(const T &a, const T &b) {
  return b < a ? b : a;
}
template <class T> constexpr const T &max(const T &a, const T &b) {
  return a < b ? b : a;
}

template <class E> class initializer_list {
  const E *First;
  size_t Len;

public:
  constexpr initializer_list() noexcept : First(nullptr), Len(0) {}
  constexpr size_t size() const noexcept { return Len; }
  constexpr const E *begin() const noexcept { return First; }
  constexpr const E *end() const noexcept { return First + Len; }
};

template <class T, size_t N> constexpr size_t size(const T (&)[N]) noexcept {
  return N;
}
template <class C> auto size(const C &c) -> decltype(c.size()) {
  return c.size();
}

struct string {
  string(const char *);
  size_t size() const;
};

template <class T> class vector {
public:
  vector();
  vector(initializer_list<T>);
  ~vector();
  void push_back(const T &);
  void push_back(T &&);
  template <class... A> T &emplace_back(A &&...) { return *begin(); }
  size_t size() const;
  bool empty() const;
  T *begin();
  T *end();
  T &operator[](size_t);
  T &back();
};

template <class T, size_t N> struct array {
  T Elems[N];
  size_t size() const; // not constexpr: the type gives the count
  T *begin();
  T *end();
  T &operator[](size_t);
};

struct thread {
  thread() noexcept;
  template <class F, class... A> explicit thread(F &&f, A &&...a) {}
  thread(thread &&) noexcept;
  thread &operator=(thread &&) noexcept;
  ~thread();
  bool joinable() const noexcept;
  void join();
  void detach();
  static unsigned hardware_concurrency() noexcept;
};

struct jthread {
  jthread() noexcept;
  template <class F, class... A> explicit jthread(F &&f, A &&...a) {}
  jthread(jthread &&) noexcept;
  ~jthread();
  void join();
  void detach();
};

template <class R> class future {
public:
  future() noexcept;
  future(future &&) noexcept;
  ~future();
  R get();
  void wait() const;
};
template <class F, class... A> future<void> async(F &&f, A &&...a) {
  return future<void>();
}

template <class Sig> class function;
template <class R, class... A> class function<R(A...)> {
public:
  template <class F> function(F f) {}
  function(const function &);
  ~function();
  R operator()(A...) const;
};

template <class F, class... A> struct bind_result {};
template <class F, class... A> bind_result<F, A...> bind(F &&f, A &&...a) {
  return {};
}
namespace placeholders {
struct placeholder {};
extern const placeholder _1;
} // namespace placeholders

struct mutex {
  void lock();
  void unlock();
};
template <class M> class unique_lock {
public:
  explicit unique_lock(M &);
  ~unique_lock();
};
class condition_variable {
public:
  void wait(unique_lock<mutex> &);
  template <class P> void wait(unique_lock<mutex> &, P pred) {}
  void notify_one();
};

template <ptrdiff_t Max> class counting_semaphore {
public:
  explicit counting_semaphore(ptrdiff_t);
  void acquire();
  void release(ptrdiff_t = 1);
};
} // namespace std

typedef unsigned long pthread_t;
struct pthread_attr_t { int Opaque; };
struct sem_t { int Opaque; };
extern "C" {
int pthread_create(pthread_t *, const pthread_attr_t *, void *(*)(void *),
                   void *);
int pthread_join(pthread_t, void **);
int pthread_detach(pthread_t);
int sem_wait(sem_t *);
int sem_post(sem_t *);
}
)cpp";

bool ASTTest::parse(llvm::StringRef Code) {
  Parents.clear();
  AST = clang::tooling::buildASTFromCodeWithArgs(
      (llvm::Twine(Prelude) + "\n#line 1\n" + Code).str(), {"-std=c++17"},
      "input.cc");
  return AST && !AST->getDiagnostics().hasErrorOccurred();
}

const clang::FunctionDecl *ASTTest::functionOf(const clang::Stmt *S) {
  using namespace clang::ast_matchers;
  if (!AST || !S)
    return nullptr;
  // Lambda call operators are functions of their own to the AST, but not to
  // the checks: their bodies are part of the function around the lambda.
  auto Matches = match(
      functionDecl(isDefinition(), unless(isImplicit()),
                   unless(cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())))),
                   hasDescendant(stmt(equalsNode(S))))
          .bind("f"),
      ctx());
  // Every candidate contains S, so they nest: the innermost begins last.
  const clang::SourceManager &SM = ctx().getSourceManager();
  const clang::FunctionDecl *Innermost = nullptr;
  for (const BoundNodes &Bound : Matches) {
    const auto *F = Bound.getNodeAs<clang::FunctionDecl>("f");
    if (!Innermost || SM.isBeforeInTranslationUnit(Innermost->getBeginLoc(),
                                                   F->getBeginLoc()))
      Innermost = F;
  }
  return Innermost;
}

const clang::FunctionDecl *ASTTest::functionNamed(llvm::StringRef Name) {
  using namespace clang::ast_matchers;
  return first<clang::FunctionDecl>(
      functionDecl(hasName(Name), isDefinition()).bind("x"));
}

const clang::tidy::unbounded::utils::FunctionParents &
ASTTest::parentsOf(const clang::Stmt *S) {
  const clang::FunctionDecl *Function = functionOf(S);
  if (!Function)
    ADD_FAILURE() << "the statement is in no function definition";
  return parentsIn(Function);
}

const clang::tidy::unbounded::utils::FunctionParents &
ASTTest::parentsIn(const clang::FunctionDecl *Function) {
  using clang::tidy::unbounded::utils::FunctionParents;
  if (!Function) {
    // Without an AST there is nothing to build even an empty function from.
    if (!AST)
      llvm::report_fatal_error("parentsIn() before parse()");
    // A body-less function: every parent is null.
    clang::ASTContext &C = ctx();
    Function = clang::FunctionDecl::Create(
        C, C.getTranslationUnitDecl(), clang::SourceLocation(),
        clang::SourceLocation(), clang::DeclarationName(), C.VoidTy, nullptr,
        clang::SC_None);
  }
  Parents.push_back(std::make_unique<FunctionParents>(*Function));
  return *Parents.back();
}

} // namespace unbounded_test
