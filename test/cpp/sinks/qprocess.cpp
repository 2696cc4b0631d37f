// RUN: not %spawnguard %s -- -std=c++17 -isystem %S/Inputs 2>&1 | %check-notes %s

#include <QProcess>
#include <QtCore/QProcess>

struct Updater {
  QProcess process;
  Updater() { process.start("updater", {"--check"}); }
};
Updater g_updater;
// CHECK: :[[@LINE-1]]:9: warning: process creation reachable during static initialization of 'g_updater' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-4]]:23: note: 'Updater::Updater' creates a process with 'QProcess::start' here

struct Helper {
  QProcess *process = new QProcess;
  Helper() {
    process->setProgram("helper");
    process->start();
  }
};
Helper g_helper;
// CHECK: :[[@LINE-1]]:8: warning: process creation reachable during static initialization of 'g_helper' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-5]]:14: note: 'Helper::Helper' creates a process with 'QProcess::start' here

bool g_detached = QProcess::startDetached("tray-icon");
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_detached' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:19: note: the initializer of 'g_detached' creates a process with 'QProcess::startDetached' here
int g_executed = QProcess::execute("ldconfig");
// CHECK: :[[@LINE-1]]:5: warning: process creation reachable during static initialization of 'g_executed' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:18: note: the initializer of 'g_executed' creates a process with 'QProcess::execute' here

static bool runCommand() {
  QProcess shell;
  shell.startCommand("ls -l /tmp");
  return shell.waitForFinished();
}
bool g_listed = runCommand();
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_listed' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_listed' calls 'runCommand' here
// CHECK: :[[@LINE-6]]:9: note: 'runCommand' creates a process with 'QProcess::startCommand' here

static bool openIt() {
  QProcess proc;
  proc.setProgram("cat");
  return proc.open(QIODevice::ReadWrite);
}
bool g_opened = openIt();
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_opened' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:17: note: the initializer of 'g_opened' calls 'openIt' here
// CHECK: :[[@LINE-5]]:15: note: 'openIt' creates a process with 'QProcess::open' here

static bool detachMember() {
  QProcess proc;
  proc.setProgram("daemonized");
  return proc.startDetached();
}
bool g_detachedMember = detachMember();
// CHECK: :[[@LINE-1]]:6: warning: process creation reachable during static initialization of 'g_detachedMember' [spawnguard-spawn-before-main]
// CHECK: :[[@LINE-2]]:25: note: the initializer of 'g_detachedMember' calls 'detachMember' here
// CHECK: :[[@LINE-5]]:15: note: 'detachMember' creates a process with 'QProcess::startDetached' here

// Look-alikes: a user class with its own start(), a QThread, user
// functions named fork and system, and QProcess calls that launch nothing.
struct Job {
  void start() {}
  static int execute(const char *) { return 0; }
};
namespace mine {
int fork() { return 0; }
int system(const char *) { return 0; }
} // namespace mine
static int configureOnly() {
  QProcess proc;
  proc.setProgram("idle");
  proc.setArguments({"--wait"});
  proc.waitForStarted(0);
  proc.kill();
  proc.close();
  Job job;
  job.start();
  QThread thread;
  thread.start();
  return mine::fork() + mine::system("x") + Job::execute("x") + proc.exitCode();
}
int g_configured = configureOnly();

int main() {
  QProcess late;
  late.start("late");
  return 0;
}

// CHECK: spawnguard: 7 findings in 1 translation unit
