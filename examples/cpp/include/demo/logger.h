// A file logger that compresses its rotated files when it shuts down.
#pragma once

#include <fstream>
#include <string>

namespace demo {

class Logger {
public:
  static Logger &instance();
  void log(const std::string &line);
  ~Logger();

private:
  explicit Logger(std::string path);
  void compress_rotated_logs();

  std::string path_;
  std::ofstream out_;
};

} // namespace demo
