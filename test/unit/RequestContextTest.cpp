//===- RequestContextTest.cpp - RequestContext: loops and handlers --------===//

#include "TestSupport.h"

#include "utils/LoopBounds.h"
#include "utils/RequestContext.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

constexpr const char *Registrations = "^(Get|Post|on_[a-z_]+)$";
constexpr const char *RequestTypes = "^web::Request$";

/// A server whose Post takes any callable, and one that takes std::function.
constexpr const char *Servers = R"cpp(
  struct Server {
    template <class F> void Post(const char *path, F handler) {}
    template <class F> void Postpone(const char *path, F handler) {}
  };
  struct Router {
    void Get(const char *path, std::function<void()> handler);
    void on_message(std::function<void()> handler);
  };
  template <class F> void run(F f) {}
  void work();
)cpp";

class RequestContextTest : public ASTTest {
protected:
  bool parseWithServers(llvm::StringRef Code) {
    return parse((llvm::Twine(Servers) + Code).str());
  }

  /// The call to work() in the parsed code.
  const CallExpr *workCall() {
    return first<CallExpr>(
        callExpr(callee(functionDecl(hasName("work")))).bind("x"));
  }

  /// The first call to a function named Name.
  const CallExpr *callTo(llvm::StringRef Name) {
    return first<CallExpr>(callExpr(callee(functionDecl(hasName(Name)))).bind("x"));
  }

  const FunctionDecl *function(llvm::StringRef Name) {
    return first<FunctionDecl>(
        functionDecl(hasName(Name), isDefinition()).bind("x"));
  }

  /// The context of S, within the function that contains S.
  ExecutionContext enclosing(const Stmt *S) {
    LoopBounds Bounds(ctx(), 64, "[Tt]hread|[Ww]orker");
    RequestContext Requests(Bounds, Registrations, RequestTypes);
    return Requests.enclosing(S, parentsOf(S));
  }

  llvm::SmallVector<const FunctionDecl *, 2>
  registered(const CallExpr *Registration) {
    LoopBounds Bounds(ctx(), 64, "[Tt]hread|[Ww]orker");
    RequestContext Requests(Bounds, Registrations, "");
    return Requests.registeredFunctions(Registration);
  }
};

// --- loops --------------------------------------------------------------

TEST_F(RequestContextTest, InUnboundedLoop) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void serve(bool running) { while (running) { work(); } }
  )cpp"));
  const auto *While = first<WhileStmt>(whileStmt().bind("x"));
  ASSERT_NE(While, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Loop, While);
  EXPECT_EQ(C.Scope, While->getBody());
  EXPECT_EQ(C.Bound.Kind, TripCountKind::Condition);
  EXPECT_EQ(C.Function, function("serve"));
  EXPECT_EQ(C.Registration, nullptr);
}

TEST_F(RequestContextTest, InUnboundedLoopWithoutBraces) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void serve(int n) { for (int i = 0; i < n; ++i) work(); }
  )cpp"));
  const auto *For = first<ForStmt>(forStmt().bind("x"));
  ASSERT_NE(For, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Loop, For);
  EXPECT_EQ(C.Scope, For->getBody());
  EXPECT_EQ(C.Bound.Kind, TripCountKind::RuntimeCount);
}

TEST_F(RequestContextTest, BoundedLoopInsideUnboundedLoopGivesTheOuterOne) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void serve(bool running) {
      while (running) {
        for (int i = 0; i < 4; ++i) { work(); }
      }
    }
  )cpp"));
  const auto *While = first<WhileStmt>(whileStmt().bind("x"));
  ASSERT_NE(While, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Loop, While);
  EXPECT_EQ(C.Scope, While->getBody());
}

TEST_F(RequestContextTest, UnboundedLoopInsideBoundedLoopGivesTheInnerOne) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void serve(std::vector<int> &jobs) {
      for (int i = 0; i < 4; ++i) {
        for (int job : jobs) { work(); }
      }
    }
  )cpp"));
  const auto *Range = first<Stmt>(cxxForRangeStmt().bind("x"));
  ASSERT_NE(Range, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Loop, Range);
  EXPECT_EQ(C.Bound.Kind, TripCountKind::ElementCount);
}

TEST_F(RequestContextTest, InBoundedLoopOnly) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void start() { for (int i = 0; i < 4; ++i) { work(); } }
  )cpp"));
  const FunctionDecl *Start = function("start");
  ASSERT_NE(Start, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Function, Start);
  EXPECT_EQ(C.Scope, Start->getBody());
  EXPECT_EQ(C.Loop, nullptr);
}

TEST_F(RequestContextTest, InCoreCountLoopIsNotUnbounded) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void start() {
      for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i)
        work();
    }
  )cpp"));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::None);
}

TEST_F(RequestContextTest, InLoopConditionIsNotPerIteration) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    bool poll();
    void serve() { while (poll()) {} }
  )cpp"));
  const CallExpr *Poll = callTo("poll");
  ASSERT_NE(Poll, nullptr);
  ExecutionContext C = enclosing(Poll);
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Function, function("serve"));
}

TEST_F(RequestContextTest, OutsideAnyLoop) {
  ASSERT_TRUE(parseWithServers("void once() { work(); }"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Function, function("once"));
  ASSERT_NE(C.Function, nullptr);
  EXPECT_EQ(C.Scope, C.Function->getBody());
}

// --- handler lambdas ----------------------------------------------------

TEST_F(RequestContextTest, LambdaPassedToPost) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Server &server) {
      server.Post("/x", [] { work(); });
    }
  )cpp"));
  const auto *Lambda = first<LambdaExpr>(lambdaExpr().bind("x"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Lambda, nullptr);
  ASSERT_NE(Post, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  EXPECT_EQ(C.Registration, Post);
  EXPECT_EQ(C.Scope, Lambda->getBody());
  EXPECT_EQ(C.Function, function("setup"));
}

TEST_F(RequestContextTest, LambdaConvertedToStdFunction) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Router &router) {
      router.Get("/x", [] { work(); });
    }
  )cpp"));
  const CallExpr *Get = callTo("Get");
  ASSERT_NE(Get, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  EXPECT_EQ(C.Registration, Get);
}

TEST_F(RequestContextTest, LambdaPassedToOnPrefixedRegistration) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Router &router) { router.on_message([] { work(); }); }
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  EXPECT_EQ(C.Registration, callTo("on_message"));
}

TEST_F(RequestContextTest, LambdaPassedToNonRegistration) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup() { run([] { work(); }); }
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_NE(C.Kind, ContextKind::Handler);
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Registration, nullptr);
  EXPECT_EQ(C.Function, function("setup"));
}

TEST_F(RequestContextTest, RegistrationPatternIsAnchored) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Server &server) { server.Postpone("/x", [] { work(); }); }
  )cpp"));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::None);
}

TEST_F(RequestContextTest, UnboundedLoopInsideHandlerIsInnermost) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Server &server) {
      server.Post("/x", [] { for (;;) { work(); } });
    }
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Bound.Kind, TripCountKind::Infinite);
}

TEST_F(RequestContextTest, LambdaCaptureInitializerIsNotPerRequest) {
  // The capture is initialised once, where the handler is registered; only
  // the lambda's body runs per request.
  ASSERT_TRUE(parseWithServers(R"cpp(
    int count();
    void setup(Server &server) {
      server.Post("/x", [n = count()] { return n; });
    }
  )cpp"));
  const CallExpr *Count = callTo("count");
  ASSERT_NE(Count, nullptr);
  ExecutionContext C = enclosing(Count);
  EXPECT_NE(C.Kind, ContextKind::Handler);
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Registration, nullptr);
  EXPECT_EQ(C.Function, function("setup"));
}

TEST_F(RequestContextTest, IsRegistrationAndRegistrationOf) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Server &server) {
      server.Post("/x", [] { work(); });
      run([] { work(); });
    }
  )cpp"));
  LoopBounds Bounds(ctx(), 64, "[Tt]hread|[Ww]orker");
  RequestContext Requests(Bounds, Registrations, "");
  const CallExpr *Post = callTo("Post");
  const CallExpr *Run = callTo("run");
  ASSERT_NE(Post, nullptr);
  ASSERT_NE(Run, nullptr);
  EXPECT_TRUE(Requests.isRegistration(Post));
  EXPECT_FALSE(Requests.isRegistration(Run));
  EXPECT_FALSE(Requests.isRegistration(nullptr));

  auto Lambdas = match(lambdaExpr().bind("x"), ctx());
  ASSERT_EQ(Lambdas.size(), 2u);
  const auto *PostLambda = Lambdas[0].getNodeAs<LambdaExpr>("x");
  const auto *RunLambda = Lambdas[1].getNodeAs<LambdaExpr>("x");
  const FunctionParents &Parents = parentsIn(function("setup"));
  EXPECT_EQ(Requests.registrationOf(PostLambda, Parents), Post);
  EXPECT_EQ(Requests.registrationOf(RunLambda, Parents), nullptr);

  RequestContext NoRegistrations(Bounds, "", "");
  EXPECT_FALSE(NoRegistrations.isRegistration(Post));
}

// --- registeredFunctions ------------------------------------------------

TEST_F(RequestContextTest, RegisteredFreeFunction) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void handle() { work(); }
    void setup(Server &server) { server.Post("/x", handle); }
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  auto Functions = registered(Post);
  ASSERT_EQ(Functions.size(), 1u);
  EXPECT_EQ(Functions[0], function("handle"));
}

TEST_F(RequestContextTest, RegisteredFreeFunctionThroughStdFunction) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void handle() { work(); }
    void setup(Router &router) { router.Get("/x", &handle); }
  )cpp"));
  const CallExpr *Get = callTo("Get");
  ASSERT_NE(Get, nullptr);
  auto Functions = registered(Get);
  ASSERT_EQ(Functions.size(), 1u);
  EXPECT_EQ(Functions[0], function("handle"));
}

TEST_F(RequestContextTest, RegisteredMemberFunctionPointer) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    struct Svc {
      void handle() { work(); }
      void setup(Server &server) { server.Post("/x", &Svc::handle); }
    };
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  auto Functions = registered(Post);
  ASSERT_EQ(Functions.size(), 1u);
  EXPECT_EQ(Functions[0], function("handle"));
}

TEST_F(RequestContextTest, RegisteredThroughStdBind) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    struct Svc {
      void handle(int request) { work(); }
      void setup(Server &server) {
        using namespace std::placeholders;
        server.Post("/x", std::bind(&Svc::handle, this, _1));
      }
    };
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  auto Functions = registered(Post);
  ASSERT_EQ(Functions.size(), 1u);
  EXPECT_EQ(Functions[0], function("handle"));
}

TEST_F(RequestContextTest, RegisteredDeclarationWithoutBodyIsSkipped) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void handle();
    void setup(Server &server) { server.Post("/x", handle); }
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  EXPECT_TRUE(registered(Post).empty());
}

TEST_F(RequestContextTest, RegisteredLambdaNamesNoFunction) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void setup(Server &server) { server.Post("/x", [] { work(); }); }
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  EXPECT_TRUE(registered(Post).empty());
}

TEST_F(RequestContextTest, NonFunctionArgumentsAreIgnored) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    void handle() { work(); }
    const char *path();
    void setup(Server &server) { server.Post(path(), handle); }
  )cpp"));
  const CallExpr *Post = callTo("Post");
  ASSERT_NE(Post, nullptr);
  auto Functions = registered(Post);
  ASSERT_EQ(Functions.size(), 1u);
  EXPECT_EQ(Functions[0], function("handle"));
}

} // namespace
} // namespace unbounded_test

// --- algorithms and gRPC service overrides ------------------------------

namespace unbounded_test {
namespace {

constexpr const char *Algorithms = R"cpp(
  namespace std {
  template <class It, class F> F for_each(It first, It last, F f) { return f; }
  }
)cpp";

TEST_F(RequestContextTest, AlgorithmOverARuntimeRangeIsALoop) {
  ASSERT_TRUE(parseWithServers((llvm::Twine(Algorithms) + R"cpp(
    void serve(std::vector<int> &jobs) {
      std::for_each(jobs.begin(), jobs.end(), [](int) { work(); });
    }
  )cpp").str()));
  const CallExpr *ForEach = callTo("for_each");
  ASSERT_NE(ForEach, nullptr);
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Loop);
  EXPECT_EQ(C.Loop, ForEach);
  EXPECT_EQ(C.Bound.Kind, TripCountKind::ElementCount);
}

TEST_F(RequestContextTest, AlgorithmOverAFixedRangeIsNoLoop) {
  ASSERT_TRUE(parseWithServers((llvm::Twine(Algorithms) + R"cpp(
    void serve() {
      std::array<int, 4> jobs{};
      std::for_each(jobs.begin(), jobs.end(), [](int) { work(); });
    }
  )cpp").str()));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::None);
}

constexpr const char *Grpc = R"cpp(
  namespace grpc {
  class Status {};
  class ServerContextBase {};
  class ServerContext : public ServerContextBase {};
  class Service {};
  }
  struct Req {};
  struct Resp {};
  struct Generated : grpc::Service {
    virtual grpc::Status Call(grpc::ServerContext *, const Req *, Resp *);
  };
)cpp";

TEST_F(RequestContextTest, GrpcOverrideRunsOncePerRpc) {
  ASSERT_TRUE(parseWithServers((llvm::Twine(Grpc) + R"cpp(
    struct Impl : Generated {
      grpc::Status Call(grpc::ServerContext *, const Req *, Resp *) override {
        work();
        return {};
      }
    };
  )cpp").str()));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  ASSERT_NE(C.Rpc, nullptr);
  EXPECT_EQ(C.Rpc->getName(), "Call");
  EXPECT_EQ(C.Registration, nullptr);
  LoopBounds Bounds(ctx(), 64, "");
  std::optional<ContextNote> Note = contextNote(C, Bounds);
  ASSERT_TRUE(Note.has_value());
  EXPECT_EQ(Note->Text,
            "'Call' overrides a gRPC service method, which runs once per RPC");
}

TEST_F(RequestContextTest, SameSignatureWithoutOverrideIsNoRpc) {
  ASSERT_TRUE(parseWithServers((llvm::Twine(Grpc) + R"cpp(
    struct Plain {
      grpc::Status Call(grpc::ServerContext *, const Req *, Resp *) {
        work();
        return {};
      }
    };
  )cpp").str()));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::None);
}

TEST_F(RequestContextTest, LambdaStoredUnderAPathIsAHandler) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    struct Slot { template <class F> Slot &operator=(F f) { return *this; } };
    struct Table { Slot &operator[](const char *key); };
    struct Routes { Table &operator[](const char *path); };
    void setup(Routes &routes, Table &hooks) {
      routes["^/work$"]["GET"] = [] { work(); };
    }
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  ASSERT_NE(C.Registration, nullptr);
  EXPECT_TRUE(isRouteAssignment(C.Registration));
}

TEST_F(RequestContextTest, LambdaStoredUnderANameIsNoHandler) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    struct Slot { template <class F> Slot &operator=(F f) { return *this; } };
    struct Table { Slot &operator[](const char *key); };
    void setup(Table &hooks) { hooks["shutdown"] = [] { work(); }; }
  )cpp"));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::None);
}

// --- functions that take a server's request ---------------------------

TEST_F(RequestContextTest, TakingTheRequestRunsOncePerRequest) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    namespace web { struct Request {}; }
    struct Guard { bool check(int limit, const web::Request &req) {
      work(); return true; } };
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::Handler);
  ASSERT_NE(C.Request, nullptr);
  EXPECT_EQ(C.Request->getName(), "req");
}

TEST_F(RequestContextTest, PointerToTheRequestRunsOncePerRequest) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    namespace web { struct Request {}; }
    void serveOne(web::Request *req) { work(); }
  )cpp"));
  EXPECT_EQ(enclosing(workCall()).Kind, ContextKind::Handler);
}

TEST_F(RequestContextTest, OtherClassOfTheSameNameIsNoRequest) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    namespace rpc { struct Request {}; }
    void build(const rpc::Request &req) { work(); }
  )cpp"));
  ExecutionContext C = enclosing(workCall());
  EXPECT_EQ(C.Kind, ContextKind::None);
  EXPECT_EQ(C.Request, nullptr);
}

TEST_F(RequestContextTest, NoRequestTypesMeansNoRequest) {
  ASSERT_TRUE(parseWithServers(R"cpp(
    namespace web { struct Request {}; }
    void serveOne(const web::Request &req) { work(); }
  )cpp"));
  LoopBounds Bounds(ctx(), 64, "[Tt]hread|[Ww]orker");
  RequestContext Requests(Bounds, Registrations, "");
  EXPECT_EQ(Requests.enclosing(workCall(), parentsOf(workCall())).Kind,
            ContextKind::None);
}

} // namespace
} // namespace unbounded_test
