//===- SinkTableTest.cpp - The Python sink catalog ------------------------===//

#include "SinkTable.h"
#include "gtest/gtest.h"
#include <map>

using namespace spawnguard::python;

namespace {

/// Call arguments by keyword; "" is the first positional argument.
using Args = std::map<std::string, ArgValue>;

ArgValue str(llvm::StringRef Text) {
  return {ArgValue::String, Text.str(), ("'" + Text + "'").str()};
}
ArgValue lit(ArgValue::KindTy Kind, llvm::StringRef Spelling) {
  return {Kind, "", Spelling.str()};
}

std::optional<SinkMatch> match(const SinkTable &T, llvm::StringRef Api,
                               const Args &A) {
  return T.match(Api, [&](llvm::StringRef Keyword, bool First) {
    auto It = A.find(First ? "" : Keyword.str());
    return It == A.end() ? ArgValue{} : It->second;
  });
}

TEST(SinkTable, EagerAndLazyApis) {
  SinkTable T;
  std::optional<SinkMatch> Pool = match(T, "multiprocessing.Pool", {});
  ASSERT_TRUE(Pool);
  EXPECT_TRUE(Pool->createsNow());
  EXPECT_EQ(Pool->Spec->Makes, ObjectKind::Pool);

  std::optional<SinkMatch> Proc = match(T, "multiprocessing.Process", {});
  ASSERT_TRUE(Proc);
  EXPECT_FALSE(Proc->createsNow());
  EXPECT_EQ(Proc->Spec->Makes, ObjectKind::Process);
  EXPECT_TRUE(llvm::is_contained(
      SinkTable::object(ObjectKind::Process).StartMethods, "start"));
  EXPECT_TRUE(SinkTable::object(ObjectKind::DataLoader).StartsOnIteration);
  EXPECT_TRUE(SinkTable::object(ObjectKind::Manager).StartsOnEnter);
}

TEST(SinkTable, KeywordConditions) {
  SinkTable T;
  EXPECT_FALSE(match(T, "torch.utils.data.DataLoader", {}));
  EXPECT_FALSE(match(T, "torch.utils.data.DataLoader",
                     {{"num_workers", lit(ArgValue::Falsy, "0")}}));
  EXPECT_TRUE(match(T, "torch.utils.data.DataLoader",
                    {{"num_workers", lit(ArgValue::Other, "n")}}));

  EXPECT_TRUE(match(T, "distributed.Client", {}));
  EXPECT_FALSE(match(T, "distributed.Client",
                     {{"processes", lit(ArgValue::Falsy, "False")}}));

  EXPECT_FALSE(match(T, "uvicorn.run", {}));
  EXPECT_FALSE(match(T, "uvicorn.run", {{"workers", lit(ArgValue::One, "1")}}));
  EXPECT_TRUE(
      match(T, "uvicorn.run", {{"reload", lit(ArgValue::True, "True")}}));

  // mpire's thread mode is a row that makes nothing.
  std::optional<SinkMatch> Threads =
      match(T, "mpire.WorkerPool", {{"start_method", str("threading")}});
  ASSERT_TRUE(Threads);
  EXPECT_EQ(Threads->Spec->Makes, ObjectKind::None);
  EXPECT_FALSE(Threads->createsNow());
}

TEST(SinkTable, StartMethods) {
  SinkTable T;
  EXPECT_EQ(
      match(T, "multiprocessing.get_context", {{"", str("spawn")}})->Method,
      "spawn");
  EXPECT_EQ(match(T, "torch.multiprocessing.spawn", {})->Method, "spawn");
  std::optional<SinkMatch> Fork =
      match(T, "multiprocessing.Pool",
            {{"context", {ArgValue::StartMethod, "fork", "ctx"}}});
  EXPECT_EQ(Fork->Method, "fork");
  EXPECT_FALSE(Fork->createsNow());
  EXPECT_EQ(match(T, "concurrent.futures.ProcessPoolExecutor",
                  {{"max_tasks_per_child", lit(ArgValue::Other, "4")}})
                ->Method,
            "spawn");
  EXPECT_EQ(
      match(T, "stable_baselines3.common.vec_env.SubprocVecEnv", {})->Method,
      "forkserver|spawn");
  EXPECT_EQ(startMethodDetail("forkserver|spawn"),
            "which uses the 'forkserver' or 'spawn' start method on every "
            "platform");
  EXPECT_EQ(startMethodDetail(""), "");
}

TEST(SinkTable, UserSinks) {
  SinkTable T;
  EXPECT_FALSE(T.knows("pylangacq.read_chat"));
  T.addUserSink(" pylangacq.read_chat(parallel = True) ");
  EXPECT_TRUE(T.knows("pylangacq.read_chat"));
  EXPECT_TRUE(match(T, "pylangacq.read_chat",
                    {{"parallel", lit(ArgValue::True, "True")}}));
  EXPECT_FALSE(match(T, "pylangacq.read_chat",
                     {{"parallel", lit(ArgValue::Falsy, "False")}}));
  EXPECT_FALSE(match(T, "pylangacq.read_chat", {}));
}

TEST(SinkTable, NotSinks) {
  SinkTable T;
  for (llvm::StringRef Api :
       {"multiprocessing.pool.ThreadPool",
        "concurrent.futures.ThreadPoolExecutor",
        "concurrent.futures.InterpreterPoolExecutor", "subprocess.run",
        "os.fork", "loky.get_reusable_executor", "ray.init"})
    EXPECT_FALSE(T.knows(Api)) << Api.str();
}

} // namespace
