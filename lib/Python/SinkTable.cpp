//===- SinkTable.cpp - The catalog of Python process APIs -----------------===//
//
// Every entry follows reference/python-process-apis.md: where the process
// is really created (the call, start(), submit/map, iteration, with), which
// keyword turns it off or on, and which start method it uses.
//
//===----------------------------------------------------------------------===//

#include "SinkTable.h"
#include "llvm/ADT/STLExtras.h"

namespace spawnguard {
namespace python {

using K = ObjectKind;
using T = ArgTest;

namespace {

// Arguments that run in the child (SG203).
constexpr llvm::StringLiteral Target[] = {"target"};
constexpr llvm::StringLiteral Initializer[] = {"initializer"};
constexpr llvm::StringLiteral FirstArg[] = {"0"};
constexpr llvm::StringLiteral LoaderCode[] = {"0", "dataset", "collate_fn",
                                              "worker_init_fn"};

// Methods that hand a function to a pool's workers.
constexpr llvm::StringLiteral PoolMethods[] = {
    "map",         "imap",      "imap_unordered", "starmap", "apply",
    "apply_async", "map_async", "starmap_async",  "submit",  "schedule"};

constexpr llvm::StringLiteral Start[] = {"start"};
constexpr llvm::StringLiteral SubmitMap[] = {"submit", "map"};
constexpr llvm::StringLiteral PebbleStarts[] = {"schedule", "submit", "map"};
constexpr llvm::StringLiteral PathosStarts[] = {"map",  "imap",  "uimap",
                                                "amap", "apipe", "pipe"};
constexpr llvm::StringLiteral MpireStarts[] = {
    "map", "map_unordered", "imap", "imap_unordered", "apply", "apply_async"};
constexpr llvm::StringLiteral TrainerStarts[] = {"fit", "validate", "test",
                                                 "predict"};

/// A row for an API whose call creates processes.
SinkSpec creates(llvm::StringRef Api, StartMethodRule Method = {},
                 T Condition = {}, llvm::StringRef Qualifier = "",
                 llvm::StringRef Shown = "") {
  SinkSpec S;
  S.Api = Api;
  S.CreatesAtCall = true;
  S.Method = Method;
  S.Condition = Condition;
  S.Qualifier = Qualifier;
  S.Shown = Shown;
  return S;
}

/// A row for an API that returns an object the front end follows.
SinkSpec makes(llvm::StringRef Api, ObjectKind Kind, llvm::StringRef Shown,
               StartMethodRule Method = {}, T Condition = {},
               llvm::StringRef Qualifier = "") {
  SinkSpec S;
  S.Api = Api;
  S.Makes = Kind;
  S.Shown = Shown;
  S.Method = Method;
  S.Condition = Condition;
  S.Qualifier = Qualifier;
  return S;
}

SinkSpec withWorkers(SinkSpec S, llvm::ArrayRef<llvm::StringLiteral> W) {
  S.Workers = W;
  return S;
}

SinkSpec subclassable(SinkSpec S) {
  S.Subclasses = true;
  return S;
}

StartMethodRule keyword(llvm::StringRef Keyword, llvm::StringRef Default = "") {
  return {Keyword, false, Default, ""};
}
StartMethodRule always(llvm::StringRef Method) {
  return {"", false, Method, ""};
}

std::vector<SinkSpec> builtinRows() {
  const StartMethodRule Platform;
  const StartMethodRule Spawn = always("spawn");
  return {
      // The standard library (and its drop-ins, which canonicalLibraryName
      // maps onto it: torch.multiprocessing, multiprocess, billiard).
      withWorkers(
          [] {
            SinkSpec S = creates("multiprocessing.Pool", keyword("context"));
            S.Makes = K::Pool;
            return S;
          }(),
          Initializer),
      withWorkers(
          [] {
            SinkSpec S =
                creates("multiprocessing.pool.Pool", keyword("context"));
            S.Makes = K::Pool;
            return S;
          }(),
          Initializer),
      creates("multiprocessing.Manager", keyword("context")),
      makes("multiprocessing.get_context", K::Context, "",
            {"method", /*FirstPositional=*/true, "", ""}),
      subclassable(withWorkers(makes("multiprocessing.Process", K::Process,
                                     "multiprocessing.Process"),
                               Target)),
      withWorkers(makes("multiprocessing.context.Process", K::Process,
                        "multiprocessing.Process"),
                  Target),
      withWorkers(makes("concurrent.futures.ProcessPoolExecutor", K::Executor,
                        "concurrent.futures.ProcessPoolExecutor",
                        {"mp_context", false, "", "max_tasks_per_child"}),
                  Initializer),
      withWorkers(makes("concurrent.futures.process.ProcessPoolExecutor",
                        K::Executor, "concurrent.futures.ProcessPoolExecutor",
                        {"mp_context", false, "", "max_tasks_per_child"}),
                  Initializer),
      subclassable(makes("multiprocessing.managers.SyncManager", K::Manager,
                         "multiprocessing.managers.SyncManager")),
      subclassable(makes("multiprocessing.managers.BaseManager", K::Manager,
                         "multiprocessing.managers.SyncManager")),
      creates("compileall.compile_dir", Platform,
              {T::MoreThanOne, "workers", ""}, "(workers=...)"),

      // torch, torch_xla, paddle.
      withWorkers(creates("torch.multiprocessing.spawn",
                          keyword("start_method", "spawn")),
                  FirstArg),
      withWorkers(creates("torch.multiprocessing.start_processes",
                          keyword("start_method", "spawn")),
                  FirstArg),
      withWorkers(makes("torch.utils.data.DataLoader", K::DataLoader,
                        "torch.utils.data.DataLoader",
                        keyword("multiprocessing_context"),
                        {T::Truthy, "num_workers", ""}),
                  LoaderCode),
      withWorkers(makes("torch.utils.data.dataloader.DataLoader", K::DataLoader,
                        "torch.utils.data.DataLoader",
                        keyword("multiprocessing_context"),
                        {T::Truthy, "num_workers", ""}),
                  LoaderCode),
      creates("torch_xla.distributed.xla_multiprocessing.spawn", Spawn),
      creates("paddle.distributed.spawn", Spawn),

      // Lightning: only the spawn strategies start processes themselves.
      makes("lightning.Trainer", K::Trainer, "", Spawn,
            {T::StringStartsWith, "strategy", "ddp_spawn"},
            "(strategy='ddp_spawn')"),
      makes("lightning.pytorch.Trainer", K::Trainer, "", Spawn,
            {T::StringStartsWith, "strategy", "ddp_spawn"},
            "(strategy='ddp_spawn')"),
      makes("pytorch_lightning.Trainer", K::Trainer, "", Spawn,
            {T::StringStartsWith, "strategy", "ddp_spawn"},
            "(strategy='ddp_spawn')"),

      // dask: distributed's Nanny and dask's process scheduler use spawn.
      creates("distributed.Client", Spawn, {T::NotFalsy, "processes", ""}),
      creates("dask.distributed.Client", Spawn, {T::NotFalsy, "processes", ""}),
      creates("distributed.LocalCluster", Spawn,
              {T::NotFalsy, "processes", ""}),
      creates("dask.distributed.LocalCluster", Spawn,
              {T::NotFalsy, "processes", ""}),
      creates("dask.compute", Spawn, {T::StringIs, "scheduler", "processes"}),
      creates("dask.compute", Spawn,
              {T::StringIs, "scheduler", "multiprocessing"}),
      creates("dask.multiprocessing.get", Spawn),

      // joblib: only the multiprocessing backend re-imports the main module
      // (loky, the default, does not).
      makes("joblib.Parallel", K::Parallel, "", Platform,
            {T::StringIs, "backend", "multiprocessing"},
            "(backend='multiprocessing')"),

      // Pools that start on first use.
      makes("pebble.ProcessPool", K::PebblePool, "pebble.ProcessPool",
            keyword("context")),
      makes("pebble.pool.ProcessPool", K::PebblePool, "pebble.ProcessPool",
            keyword("context")),
      makes("pathos.pools.ProcessPool", K::PathosPool, ""),
      makes("pathos.pools.ProcessingPool", K::PathosPool, ""),
      makes("pathos.multiprocessing.ProcessingPool", K::PathosPool, ""),
      makes("pathos.multiprocessing.ProcessPool", K::PathosPool, ""),
      // mpire: start_method='threading' uses threads.
      makes("mpire.WorkerPool", K::None, "", Platform,
            {T::StringIs, "start_method", "threading"}),
      makes("mpire.WorkerPool", K::MpirePool, "mpire.WorkerPool",
            keyword("start_method")),
      makes("mpire.pool.WorkerPool", K::None, "", Platform,
            {T::StringIs, "start_method", "threading"}),
      makes("mpire.pool.WorkerPool", K::MpirePool, "mpire.WorkerPool",
            keyword("start_method")),

      // Reinforcement learning: vectorised environments start one process
      // per environment in their constructor.
      creates("stable_baselines3.common.vec_env.SubprocVecEnv",
              keyword("start_method", "forkserver|spawn")),
      creates("stable_baselines3.common.vec_env.subproc_vec_env.SubprocVecEnv",
              keyword("start_method", "forkserver|spawn"), {}, "",
              "stable_baselines3.common.vec_env.SubprocVecEnv"),
      creates("gymnasium.vector.AsyncVectorEnv", keyword("context")),
      creates("gymnasium.vector.async_vector_env.AsyncVectorEnv",
              keyword("context"), {}, "", "gymnasium.vector.AsyncVectorEnv"),
      creates("gym.vector.AsyncVectorEnv", keyword("context")),
      creates("gym.vector.async_vector_env.AsyncVectorEnv", keyword("context"),
              {}, "", "gym.vector.AsyncVectorEnv"),
      creates("gymnasium.make_vec", Platform,
              {T::StringIs, "vectorization_mode", "async"},
              "(vectorization_mode='async')"),
      // gym(nasium) < 1.0: asynchronous=True is the default.
      creates("gymnasium.vector.make", Platform,
              {T::NotFalsy, "asynchronous", ""}),
      creates("gym.vector.make", Platform, {T::NotFalsy, "asynchronous", ""}),

      // uvicorn starts its workers or its reloader with spawn.
      creates("uvicorn.run", Spawn, {T::MoreThanOne, "workers", ""}),
      creates("uvicorn.run", Spawn, {T::IsTrue, "reload", ""}),

      // Progress-bar wrappers around process pools.
      withWorkers(
          creates("tqdm.contrib.concurrent.process_map", keyword("mp_context")),
          FirstArg),
      creates("pqdm.processes.pqdm"),
      creates("p_tqdm.p_map"),
      creates("p_tqdm.p_umap"),
      creates("p_tqdm.p_imap"),
      creates("p_tqdm.p_uimap"),
      creates("parallelbar.progress_map"),
      creates("parallelbar.progress_starmap"),
      creates("parallelbar.progress_imap"),

      // Hugging Face datasets: a multiprocess pool when num_proc > 1.
      creates("datasets.load_dataset", Platform,
              {T::MoreThanOne, "num_proc", ""}, "(num_proc=...)"),
  };
}

const ObjectSpec Objects[] = {
    {K::None, {}, false, false, false, {}},
    {K::Context, {}, false, false, false, {}},
    {K::Process, Start, false, false, false, {}},
    {K::Pool, {}, false, false, false, PoolMethods},
    {K::Executor, SubmitMap, false, false, false, PoolMethods},
    {K::Manager, Start, /*StartsOnEnter=*/true, false, false, {}},
    {K::DataLoader, {}, false, /*StartsOnIteration=*/true, false, {}},
    {K::PebblePool, PebbleStarts, false, false, false, PoolMethods},
    // pathos pickles with dill, which handles lambdas and closures; mpire
    // forks by default, where nothing is pickled.
    {K::PathosPool, PathosStarts, false, false, false, {}},
    {K::MpirePool, MpireStarts, false, false, false, {}},
    {K::Parallel, {}, false, false, /*StartsOnCall=*/true, {}},
    {K::Trainer, TrainerStarts, false, false, false, {}},
    {K::Instance, {}, false, false, false, {}},
};

const MethodSinkSpec MethodSinks[] = {
    {"compute",
     {T::StringIs, "scheduler", "processes"},
     "dask.compute(scheduler='processes')",
     "spawn",
     ""},
    {"compute",
     {T::StringIs, "scheduler", "multiprocessing"},
     "dask.compute(scheduler='processes')",
     "spawn",
     ""},
    {"map",
     {T::MoreThanOne, "num_proc", ""},
     "datasets.Dataset.map(num_proc=...)",
     "",
     ""},
    {"filter",
     {T::MoreThanOne, "num_proc", ""},
     "datasets.Dataset.filter(num_proc=...)",
     "",
     ""},
    // pandarallel adds these to pandas objects after initialize(); a pool
    // per call (spawn on Windows).
    {"parallel_apply",
     {},
     "DataFrame.parallel_apply (pandarallel)",
     "",
     "pandarallel"},
    {"parallel_applymap",
     {},
     "DataFrame.parallel_applymap (pandarallel)",
     "",
     "pandarallel"},
    {"parallel_map",
     {},
     "Series.parallel_map (pandarallel)",
     "",
     "pandarallel"},
    // mapply adds DataFrame.mapply after mapply.init(); a multiprocess pool.
    {"mapply", {}, "DataFrame.mapply (mapply)", "", "mapply"},
};

} // namespace

bool ArgTest::holds(const ArgValue &V) const {
  bool Given = V.Kind != ArgValue::Absent;
  switch (Kind) {
  case Always:
    return true;
  case Truthy:
    return Given && V.Kind != ArgValue::Falsy;
  case NotFalsy:
    return V.Kind != ArgValue::Falsy;
  case MoreThanOne:
    return Given && V.Kind != ArgValue::Falsy && V.Kind != ArgValue::One;
  case IsTrue:
    return V.Kind == ArgValue::True;
  case StringIs:
    return V.Kind == ArgValue::String && V.Text == Text;
  case StringStartsWith:
    return V.Kind == ArgValue::String &&
           llvm::StringRef(V.Text).starts_with(Text);
  case SpelledAs:
    return Given && V.Spelling == Text;
  }
  return false;
}

SinkTable::SinkTable() : Rows(builtinRows()) {
  for (unsigned I = 0; I < Rows.size(); ++I)
    ByApi[Rows[I].Api].push_back(I);
}

void SinkTable::addUserSink(llvm::StringRef Sink) {
  Sink = Sink.trim();
  auto [Name, Args] = Sink.split('(');
  SinkSpec S = creates(Saver.save(Name.trim()));
  if (!Args.empty()) {
    auto [Key, Val] = Args.rtrim(")").split('=');
    S.Condition = {T::SpelledAs, Saver.save(Key.trim()),
                   Saver.save(Val.trim())};
  }
  ByApi[S.Api].push_back(Rows.size());
  Rows.push_back(S);
}

bool SinkTable::knows(llvm::StringRef Api) const { return ByApi.count(Api); }

std::optional<SinkMatch> SinkTable::match(llvm::StringRef Api,
                                          ArgLookup Arg) const {
  auto It = ByApi.find(Api);
  if (It == ByApi.end())
    return std::nullopt;
  for (unsigned Index : It->second) {
    const SinkSpec &S = Rows[Index];
    if (S.Condition.Kind != T::Always &&
        !S.Condition.holds(Arg(S.Condition.Keyword, false)))
      continue;
    SinkMatch Out;
    Out.Spec = &S;
    Out.Shown = (S.Shown.empty() ? S.Api : S.Shown).str();
    const StartMethodRule &R = S.Method;
    ArgValue Given;
    if (!R.Keyword.empty()) {
      Given = Arg(R.Keyword, false);
      if (Given.Kind == ArgValue::Absent && R.FirstPositional)
        Given = Arg("", true);
    }
    // An argument whose method is not known leaves the default.
    if (Given.Kind == ArgValue::String || Given.Kind == ArgValue::StartMethod)
      Out.Method = Given.Text;
    else
      Out.Method = R.Default.str();
    if (Out.Method.empty() && !R.SpawnIf.empty() &&
        T{T::Truthy, R.SpawnIf, ""}.holds(Arg(R.SpawnIf, false)))
      Out.Method = "spawn";
    return Out;
  }
  return std::nullopt;
}

std::vector<const SinkSpec *> SinkTable::subclassable() const {
  std::vector<const SinkSpec *> Out;
  for (const SinkSpec &S : Rows)
    if (S.Subclasses)
      Out.push_back(&S);
  return Out;
}

const ObjectSpec &SinkTable::object(ObjectKind Kind) {
  for (const ObjectSpec &O : Objects)
    if (O.Kind == Kind)
      return O;
  return Objects[0];
}

llvm::ArrayRef<MethodSinkSpec> SinkTable::methodSinks() { return MethodSinks; }

std::string startMethodDetail(llvm::StringRef Method) {
  if (Method == "spawn" || Method == "forkserver")
    return ("which uses the '" + Method + "' start method on every platform")
        .str();
  if (Method == "forkserver|spawn")
    return "which uses the 'forkserver' or 'spawn' start method on every "
           "platform";
  return "";
}

} // namespace python
} // namespace spawnguard
