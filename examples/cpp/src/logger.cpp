#include "demo/logger.h"

#include <cstdlib>

namespace demo {

Logger &Logger::instance() {
  // BUG: a function-local static is destroyed after main returns, and its
  // destructor runs a shell.
  static Logger log("app.log");
  return log;
}

Logger::Logger(std::string path) : path_(std::move(path)), out_(path_) {}

void Logger::log(const std::string &line) { out_ << line << '\n'; }

Logger::~Logger() {
  out_.close();
  compress_rotated_logs();
}

void Logger::compress_rotated_logs() {
  std::string command = "gzip -f " + path_ + ".1";
  std::system(command.c_str());
}

} // namespace demo
