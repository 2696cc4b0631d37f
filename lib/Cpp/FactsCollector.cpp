//===- FactsCollector.cpp -------------------------------------------------===//
//
// clang::CallGraph is not enough here: it has no nodes for global
// initializers, no edges for implicit destructor calls and none for calls
// through function pointers. So the collector walks bodies itself, with one
// visitor per body that records the edges leaving it and queues the callees
// whose bodies are visible.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Cpp/FactsCollector.h"
#include "spawnguard/Cpp/FactsBuilder.h"
#include "spawnguard/Cpp/SinkCatalog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>

using namespace clang;

namespace spawnguard {
namespace {

/// Functions a callee expression or an initializer may evaluate to: a named
/// function, its address, a lambda, or any of these wrapped in conversions,
/// temporaries or a std::function constructor.
void collectFunctionTargets(const Expr *E,
                            llvm::SmallVectorImpl<const FunctionDecl *> &Out,
                            unsigned Depth = 0) {
  if (!E || Depth > 8)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Out.push_back(FD);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  // A captureless lambda used as a function pointer ('atexit([] {...})',
  // '+[] {...}') goes through its conversion operator.
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXRecordDecl *RD = Conversion->getRecordDecl();
    if (RD && RD->isLambda() &&
        isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
      Out.push_back(RD->getLambdaCallOperator());
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
    if (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref ||
        Unary->getOpcode() == UO_Plus)
      collectFunctionTargets(Unary->getSubExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    collectFunctionTargets(Cond->getTrueExpr(), Out, Depth + 1);
    collectFunctionTargets(Cond->getFalseExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() >= 1)
      collectFunctionTargets(Construct->getArg(0), Out, Depth + 1);
    return;
  }
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    return collectFunctionTargets(Cleanups->getSubExpr(), Out, Depth + 1);
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return collectFunctionTargets(Temp->getSubExpr(), Out, Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return collectFunctionTargets(Bind->getSubExpr(), Out, Depth + 1);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return collectFunctionTargets(Cast->getSubExpr(), Out, Depth + 1);
  if (const auto *Functional = dyn_cast<CXXFunctionalCastExpr>(E))
    return collectFunctionTargets(Functional->getSubExpr(), Out, Depth + 1);
}

/// Looks through what keeps a callable the same callable: parentheses,
/// conversions, temporaries, copies and moves, std::move and std::forward,
/// and '*' on a function pointer. 'runFunction(std::move(f))' passes 'f'.
const Expr *stripValuePreserving(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
    } else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temp->getSubExpr();
    } else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = Bind->getSubExpr();
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
               Construct && Construct->getNumArgs() == 1 &&
               Construct->getConstructor()->isCopyOrMoveConstructor()) {
      E = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
               Call->getDirectCallee()->isInStdNamespace() &&
               Call->getDirectCallee()->getIdentifier() &&
               (Call->getDirectCallee()->getName() == "move" ||
                Call->getDirectCallee()->getName() == "forward")) {
      E = Call->getArg(0);
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E);
               Unary && Unary->getOpcode() == UO_Deref) {
      E = Unary->getSubExpr();
    } else {
      return E;
    }
  }
  return E;
}

/// The destructor that destroying an object of type \p T runs, if any.
const CXXDestructorDecl *nonTrivialDestructor(QualType T, ASTContext &Ctx) {
  if (T.isNull() || T->isReferenceType())
    return nullptr;
  const CXXRecordDecl *RD = Ctx.getBaseElementType(T)->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
    return nullptr;
  return RD->getDestructor();
}

enum class SectionRole { None, Init, Fini };

/// Sections whose function pointers the loader or CRT calls around main.
SectionRole sectionRole(llvm::StringRef Name) {
  for (llvm::StringRef Prefix :
       {".init_array", ".preinit_array", ".ctors", ".CRT$XI", ".CRT$XC"})
    if (Name.starts_with(Prefix))
      return SectionRole::Init;
  for (llvm::StringRef Prefix : {".fini_array", ".dtors", ".CRT$XP", ".CRT$XT"})
    if (Name.starts_with(Prefix))
      return SectionRole::Fini;
  return SectionRole::None;
}

class Collector;

/// Records the edges leaving one body: a function's, or an initializer's.
class BodyWalker : public RecursiveASTVisitor<BodyWalker> {
  using Base = RecursiveASTVisitor<BodyWalker>;

public:
  BodyWalker(Collector &C, FunctionIndex Caller,
             const FunctionDecl *CallerDecl)
      : C(C), Caller(Caller), CallerDecl(CallerDecl) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return false; }

  /// Nested functions, lambdas and local classes are separate nodes: their
  /// code runs only if they are called.
  bool TraverseDecl(Decl *D) {
    if (isa_and_nonnull<FunctionDecl, TagDecl, BlockDecl, CapturedDecl>(D))
      return true;
    return Base::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *E);
  bool VisitCXXConstructExpr(CXXConstructExpr *E);
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E);
  bool VisitCXXDeleteExpr(CXXDeleteExpr *E);
  bool VisitCXXNewExpr(CXXNewExpr *E);
  bool VisitDeclRefExpr(DeclRefExpr *E);
  bool VisitVarDecl(VarDecl *VD);

private:
  void addCall(const FunctionDecl *Callee, EdgeKind Kind, SourceLocation Loc);
  void addSink(SinkMatch Sink, SourceLocation Loc);
  void addArguments(const FunctionDecl *Callee,
                    llvm::ArrayRef<const Expr *> Args, unsigned FirstParam);
  /// If \p CalleeObject names a parameter of the walked function, records
  /// that the function calls it; if it names a variable whose initializer
  /// shows the target, records an indirect call.
  void addCallThrough(const Expr *CalleeObject, SourceLocation Loc);
  const ParmVarDecl *ownParameter(const Expr *E) const;

  Collector &C;
  FunctionIndex Caller;
  const FunctionDecl *CallerDecl;
};

class Collector {
public:
  Collector(ASTContext &Ctx, const SinkCatalog &Sinks, FactsUnit &Unit,
            llvm::StringRef PathBase)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Sinks(Sinks),
        B(Ctx, Unit, PathBase) {}

  void run();

  ASTContext &Ctx;
  SourceManager &SM;
  const SinkCatalog &Sinks;
  FactsBuilder B;

  /// Queues the body of \p FD (if visible) for walking.
  void enqueue(const FunctionDecl *FD);
  void addRoot(RootKind Kind, FunctionIndex Node, const NamedDecl *Subject,
               std::string Detail, SourceLocation Loc);
  void addStaticDestructorRoot(const VarDecl *VD);
  void addExitHandler(const CallExpr *Registration, unsigned ArgIndex,
                      const FunctionDecl *Registrar);

private:
  void scanDeclContext(const DeclContext *DC);
  void scanDecl(const Decl *D);
  void scanGlobalVariable(const VarDecl *VD);
  void scanFunction(const FunctionDecl *FD);
  void walkFunction(const FunctionDecl *FD);
  bool inSystemHeader(const Decl *D) const {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }

  std::deque<const FunctionDecl *> Work;
  llvm::DenseSet<const FunctionDecl *> Queued;
  llvm::DenseSet<const Decl *> Scanned;
};

//===----------------------------------------------------------------------===//
// BodyWalker
//===----------------------------------------------------------------------===//

void BodyWalker::addCall(const FunctionDecl *Callee, EdgeKind Kind,
                         SourceLocation Loc) {
  if (!Callee)
    return;
  FactsUnit &U = C.B.unit();
  U.Calls.push_back({Caller, C.B.function(Callee), Kind, C.B.location(Loc)});
  C.enqueue(Callee);
}

void BodyWalker::addSink(SinkMatch Sink, SourceLocation Loc) {
  C.B.unit().SinkCalls.push_back({Caller, std::move(Sink.Api), Sink.Action,
                                  C.B.location(Loc), C.B.suppressionsAt(Loc)});
}

const ParmVarDecl *BodyWalker::ownParameter(const Expr *E) const {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(stripValuePreserving(E));
  if (!Ref)
    return nullptr;
  const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
  if (!Param || !CallerDecl ||
      Param->getDeclContext() != static_cast<const DeclContext *>(CallerDecl))
    return nullptr;
  return Param;
}

void BodyWalker::addArguments(const FunctionDecl *Callee,
                              llvm::ArrayRef<const Expr *> Args,
                              unsigned FirstParam) {
  FactsUnit &U = C.B.unit();
  for (unsigned I = FirstParam, E = Args.size(); I < E; ++I) {
    uint32_t Param = I - FirstParam;
    if (const ParmVarDecl *Own = ownParameter(Args[I])) {
      U.ParamForwards.push_back({Caller, Own->getFunctionScopeIndex(),
                                 C.B.function(Callee), Param});
      continue;
    }
    llvm::SmallVector<const FunctionDecl *, 2> Targets;
    collectFunctionTargets(Args[I], Targets);
    SourceLocation Loc = Args[I]->getExprLoc();
    for (const FunctionDecl *Target : Targets) {
      if (std::optional<SinkMatch> Sink = C.Sinks.match(*Target, {}, C.Ctx)) {
        U.SinkArguments.push_back({Caller, C.B.function(Callee), Param,
                                   std::move(Sink->Api), Sink->Action,
                                   C.B.location(Loc),
                                   C.B.suppressionsAt(Loc)});
        continue;
      }
      U.Arguments.push_back({Caller, C.B.function(Callee), Param,
                             C.B.function(Target), C.B.location(Loc)});
      C.enqueue(Target);
    }
  }
}

void BodyWalker::addCallThrough(const Expr *CalleeObject, SourceLocation Loc) {
  FactsUnit &U = C.B.unit();
  if (const ParmVarDecl *Own = ownParameter(CalleeObject)) {
    U.ParamCalls.push_back({Caller, Own->getFunctionScopeIndex()});
    return;
  }
  // Either the object is a variable whose initializer shows the target, or
  // the target is right there: 'std::function<void()>(spawn)()'.
  const Expr *Source = CalleeObject;
  if (const auto *Ref =
          dyn_cast_or_null<DeclRefExpr>(stripValuePreserving(CalleeObject))) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || isa<ParmVarDecl>(Var))
      return;
    Source = Var->getAnyInitializer();
  }
  llvm::SmallVector<const FunctionDecl *, 2> Targets;
  collectFunctionTargets(Source, Targets);
  for (const FunctionDecl *Target : Targets) {
    // 'auto spawn = fork; spawn();' creates a process right here.
    if (std::optional<SinkMatch> Sink = C.Sinks.match(*Target, {}, C.Ctx))
      addSink(std::move(*Sink), Loc);
    else
      addCall(Target, EdgeKind::IndirectCall, Loc);
  }
}

bool BodyWalker::VisitCallExpr(CallExpr *E) {
  const FunctionDecl *Callee = E->getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  if (!Callee) {
    addCallThrough(E->getCallee(), E->getExprLoc());
    return true;
  }

  if (std::optional<unsigned> Arg = SinkCatalog::exitHandlerArgument(*Callee)) {
    C.addExitHandler(E, *Arg, Callee);
    return true;
  }
  if (std::optional<SinkMatch> Sink = C.Sinks.match(*Callee, Args, C.Ctx)) {
    addSink(std::move(*Sink), E->getExprLoc());
    return true;
  }

  EdgeKind Kind = EdgeKind::Call;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *Method = cast<CXXMethodDecl>(Callee);
    const auto *ME = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    // 'Base::run()' and calls of final methods bind statically.
    if (Method->isVirtual() && !(ME && ME->hasQualifier()) &&
        !Method->hasAttr<FinalAttr>() && !Method->getParent()->hasAttr<FinalAttr>())
      Kind = EdgeKind::VirtualCall;
  }
  addCall(Callee, Kind, E->getExprLoc());

  // For 'obj(args)' on a class object, argument 0 is the object itself.
  unsigned FirstParam = 0;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
        Method && !Method->isStatic())
      FirstParam = 1;
    // Calling a lambda object names its operator() directly; calling a
    // std::function or function-pointer-like object does not, so look at
    // where the object came from.
    if (Op->getOperator() == OO_Call && E->getNumArgs() > 0 &&
        !cast<CXXMethodDecl>(Callee)->getParent()->isLambda())
      addCallThrough(Op->getArg(0), E->getExprLoc());
  }
  addArguments(Callee, Args, FirstParam);
  return true;
}

bool BodyWalker::VisitCXXConstructExpr(CXXConstructExpr *E) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (!Ctor)
    return true;
  llvm::ArrayRef<const Expr *> Args(E->getArgs(), E->getNumArgs());
  if (std::optional<SinkMatch> Sink = C.Sinks.match(*Ctor, Args, C.Ctx)) {
    addSink(std::move(*Sink), E->getExprLoc());
    return true;
  }
  // Trivial constructors run no code.
  if (Ctor->isTrivial())
    return true;
  addCall(Ctor, EdgeKind::Call, E->getExprLoc());
  addArguments(Ctor, Args, 0);
  return true;
}

bool BodyWalker::VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
  addCall(E->getTemporary()->getDestructor(), EdgeKind::ImplicitDestructor,
          E->getExprLoc());
  return true;
}

bool BodyWalker::VisitCXXDeleteExpr(CXXDeleteExpr *E) {
  QualType Destroyed = E->getDestroyedType();
  if (const CXXDestructorDecl *Dtor = nonTrivialDestructor(Destroyed, C.Ctx))
    addCall(Dtor,
            Dtor->isVirtual() ? EdgeKind::VirtualCall
                              : EdgeKind::ImplicitDestructor,
            E->getBeginLoc());
  const FunctionDecl *Delete = E->getOperatorDelete();
  if (Delete && !Delete->isImplicit())
    addCall(Delete, EdgeKind::Call, E->getBeginLoc());
  return true;
}

bool BodyWalker::VisitCXXNewExpr(CXXNewExpr *E) {
  const FunctionDecl *New = E->getOperatorNew();
  // The replaceable global allocation functions run no user code unless the
  // program replaces them, and then their definition is a node like any other.
  if (New && !New->isImplicit())
    addCall(New, EdgeKind::Call, E->getBeginLoc());
  return true;
}

bool BodyWalker::VisitDeclRefExpr(DeclRefExpr *E) {
  // The first use of a thread_local in a thread runs its initializer, so a
  // root that touches one runs that code too.
  const auto *Var = dyn_cast<VarDecl>(E->getDecl());
  if (!Var || Var->getTLSKind() != VarDecl::TLS_Dynamic ||
      Var->isLocalVarDecl())
    return true;
  FactsUnit &U = C.B.unit();
  U.Calls.push_back({Caller, C.B.threadLocalInitializer(Var),
                     EdgeKind::ThreadLocalUse, C.B.location(E->getLocation())});
  return true;
}

bool BodyWalker::VisitVarDecl(VarDecl *VD) {
  if (isa<ParmVarDecl>(VD) || !VD->isLocalVarDecl())
    return true;
  const CXXDestructorDecl *Dtor = nonTrivialDestructor(VD->getType(), C.Ctx);
  if (!Dtor)
    return true;
  if (VD->isStaticLocal()) {
    // A function-local static is destroyed after main if it was ever built.
    if (VD->getTLSKind() == VarDecl::TLS_None)
      C.addStaticDestructorRoot(VD);
    return true;
  }
  addCall(Dtor, EdgeKind::ImplicitDestructor, VD->getLocation());
  return true;
}

//===----------------------------------------------------------------------===//
// Collector
//===----------------------------------------------------------------------===//

void Collector::enqueue(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->isDefined(Def) || Def->isDependentContext() ||
      Def->isInvalidDecl())
    return;
  if (Queued.insert(Def).second)
    Work.push_back(Def);
}

void Collector::addRoot(RootKind Kind, FunctionIndex Node,
                        const NamedDecl *Subject, std::string Detail,
                        SourceLocation Loc) {
  B.unit().Roots.push_back({Kind, Node, B.displayName(Subject),
                            std::move(Detail), B.location(Loc),
                            B.suppressionsAt(Loc)});
}

void Collector::addStaticDestructorRoot(const VarDecl *VD) {
  const CXXDestructorDecl *Dtor = nonTrivialDestructor(VD->getType(), Ctx);
  if (!Dtor)
    return;
  FunctionIndex Node = B.finalizer(VD);
  B.unit().Calls.push_back({Node, B.function(Dtor),
                            EdgeKind::ImplicitDestructor,
                            B.location(VD->getLocation())});
  enqueue(Dtor);
  addRoot(RootKind::StaticDestructor, Node, VD, "", VD->getLocation());
}

void Collector::addExitHandler(const CallExpr *Registration, unsigned ArgIndex,
                               const FunctionDecl *Registrar) {
  if (ArgIndex >= Registration->getNumArgs())
    return;
  const Expr *Arg = Registration->getArg(ArgIndex);
  llvm::SmallVector<const FunctionDecl *, 2> Handlers;
  collectFunctionTargets(Arg, Handlers);
  for (const FunctionDecl *Handler : Handlers) {
    enqueue(Handler);
    addRoot(RootKind::ExitHandler, B.function(Handler), Handler,
            Registrar->getNameAsString(), Arg->getExprLoc());
  }
}

void Collector::scanGlobalVariable(const VarDecl *VD) {
  if (!VD->hasGlobalStorage() || VD->isLocalVarDecl())
    return;
  const VarDecl *Def = VD->getDefinition();
  if (!Def || !Scanned.insert(Def).second || Def->isInvalidDecl() ||
      Def->getType()->isDependentType() || Def->isTemplated() ||
      inSystemHeader(Def))
    return;

  const Expr *Init = Def->getInit();
  if (Def->getTLSKind() == VarDecl::TLS_Dynamic) {
    // Not a root: a thread_local is initialized on its first use in each
    // thread. The initializer becomes a node that such uses reach.
    if (Init)
      BodyWalker(*this, B.threadLocalInitializer(Def), nullptr)
          .TraverseStmt(const_cast<Expr *>(Init));
    return;
  }
  if (Def->getTLSKind() != VarDecl::TLS_None)
    return;

  if (Init && Ctx.getLangOpts().CPlusPlus &&
      !Def->hasConstantInitialization()) {
    FunctionIndex Node = B.initializer(Def);
    BodyWalker(*this, Node, nullptr).TraverseStmt(const_cast<Expr *>(Init));
    addRoot(RootKind::DynamicInitializer, Node, Def, "", Def->getLocation());
  }
  addStaticDestructorRoot(Def);

  if (const auto *Section = Def->getAttr<SectionAttr>()) {
    SectionRole Role = sectionRole(Section->getName());
    if (Role != SectionRole::None && Init) {
      // The loader calls every function pointer stored in these sections.
      llvm::SmallVector<const Expr *, 4> Elements{Init};
      if (const auto *List = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts()))
        Elements.assign(List->inits().begin(), List->inits().end());
      for (const Expr *Element : Elements) {
        llvm::SmallVector<const FunctionDecl *, 2> Targets;
        collectFunctionTargets(Element, Targets);
        for (const FunctionDecl *Target : Targets) {
          enqueue(Target);
          addRoot(Role == SectionRole::Init ? RootKind::InitSection
                                            : RootKind::FiniSection,
                  B.function(Target), Target, Section->getName().str(),
                  Element->getExprLoc());
        }
      }
    }
  }
}

void Collector::scanFunction(const FunctionDecl *FD) {
  if (FD->isDependentContext() || FD->isInvalidDecl() || inSystemHeader(FD))
    return;
  // Constructor and destructor attributes are inherited by redeclarations;
  // the function is one root, reported at its definition (which is where
  // the attribute takes effect).
  bool IsDefinition = FD->doesThisDeclarationHaveABody();
  if (IsDefinition && FD->hasAttr<ConstructorAttr>()) {
    enqueue(FD);
    addRoot(RootKind::ConstructorFunction, B.function(FD), FD, "",
            FD->getLocation());
  }
  if (IsDefinition && FD->hasAttr<DestructorAttr>()) {
    enqueue(FD);
    addRoot(RootKind::DestructorFunction, B.function(FD), FD, "",
            FD->getLocation());
  }
  if (const auto *IFunc = FD->getAttr<IFuncAttr>()) {
    DeclarationName Name(&Ctx.Idents.get(IFunc->getResolver()));
    for (const NamedDecl *Found :
         Ctx.getTranslationUnitDecl()->lookup(Name))
      if (const auto *Resolver = dyn_cast<FunctionDecl>(Found)) {
        enqueue(Resolver);
        addRoot(RootKind::IFuncResolver, B.function(Resolver), Resolver,
                B.displayName(FD), IFunc->getLocation());
      }
  }
  const IdentifierInfo *Id = FD->getIdentifier();
  if (Id && Id->isStr("DllMain") && FD->getNumParams() == 3 &&
      FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
      IsDefinition) {
    enqueue(FD);
    addRoot(RootKind::DllMain, B.function(FD), FD, "", FD->getLocation());
  }
  // The main file's definitions are this unit's to report, whether or not
  // anything here calls them: other units may.
  if (IsDefinition && SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
    enqueue(FD);
}

void Collector::scanDecl(const Decl *D) {
  // Roots in system headers are not reported (the library's own start-up is
  // not the user's bug), so there is nothing to find in their declarations;
  // their function bodies are still walked when user code calls them.
  if (inSystemHeader(D))
    return;
  if (const auto *VD = dyn_cast<VarDecl>(D)) {
    scanGlobalVariable(VD);
  } else if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    scanFunction(FD);
  } else if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
    for (const FunctionDecl *Spec : FTD->specializations())
      scanFunction(Spec);
  } else if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D)) {
    for (const ClassTemplateSpecializationDecl *Spec : CTD->specializations())
      scanDeclContext(Spec);
  } else if (const auto *VTD = dyn_cast<VarTemplateDecl>(D)) {
    for (const VarTemplateSpecializationDecl *Spec : VTD->specializations())
      scanGlobalVariable(Spec);
  } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
    if (RD->isThisDeclarationADefinition() && !RD->isDependentContext())
      scanDeclContext(RD);
  } else if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
    scanDeclContext(cast<DeclContext>(D));
  }
}

void Collector::scanDeclContext(const DeclContext *DC) {
  for (const Decl *D : DC->decls())
    scanDecl(D);
}

void Collector::walkFunction(const FunctionDecl *FD) {
  FunctionIndex Node = B.function(FD);
  BodyWalker Walker(*this, Node, FD);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Walker.TraverseConstructorInitializer(
          const_cast<CXXCtorInitializer *>(Init));
    // Building an object of a dynamic class installs its vtable, after which
    // any of its virtual methods may run through a base pointer.
    const CXXRecordDecl *RD = Ctor->getParent();
    if (RD->isDynamicClass())
      for (const CXXMethodDecl *Method : RD->methods())
        if (Method->isVirtual())
          enqueue(Method);
  }
  Walker.TraverseStmt(FD->getBody());

  FactsUnit &U = B.unit();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
    for (const CXXMethodDecl *Overridden : Method->overridden_methods())
      U.Overrides.push_back({Node, B.function(Overridden)});

  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD)) {
    // Members and bases are destroyed after the body, without any call in
    // the source.
    const CXXRecordDecl *RD = Dtor->getParent();
    FactLocation Loc = B.location(Dtor->getLocation());
    auto AddImplicit = [&](QualType T) {
      if (const CXXDestructorDecl *Sub = nonTrivialDestructor(T, Ctx)) {
        U.Calls.push_back(
            {Node, B.function(Sub), EdgeKind::ImplicitDestructor, Loc});
        enqueue(Sub);
      }
    };
    for (const FieldDecl *Field : RD->fields())
      AddImplicit(Field->getType());
    for (const CXXBaseSpecifier &Base : RD->bases())
      AddImplicit(Base.getType());
    for (const CXXBaseSpecifier &Base : RD->vbases())
      AddImplicit(Base.getType());
  }
}

void Collector::run() {
  FactsUnit &U = B.unit();
  if (OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    U.MainFile = Main->getName().str();
  scanDeclContext(Ctx.getTranslationUnitDecl());
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.front();
    Work.pop_front();
    walkFunction(FD);
  }
}

} // namespace

FactsUnit collectFacts(ASTContext &Ctx, const SinkCatalog &Sinks,
                       llvm::StringRef PathBase) {
  FactsUnit Unit;
  Collector(Ctx, Sinks, Unit, PathBase).run();
  return Unit;
}

} // namespace spawnguard
