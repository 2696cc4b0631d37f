//===- TextOutput.cpp -----------------------------------------------------===//

#include "spawnguard/Core/TextOutput.h"
#include "llvm/Support/Path.h"

namespace spawnguard {

std::string displayPath(llvm::StringRef Path, llvm::StringRef Base) {
  if (Base.empty())
    return Path.str();
  llvm::StringRef Rest = Path;
  if (!Rest.consume_front(Base))
    return Path.str();
  if (Base.back() != '/' && !Rest.consume_front("/"))
    return Path.str(); // "/src/ab" is not below "/src/a".
  return Rest.empty() ? Path.str() : Rest.str();
}

namespace {
/// Writes one diagnostic line with clang's colors: bold location, colored
/// severity, bold message for warnings.
class LinePrinter {
public:
  LinePrinter(llvm::raw_ostream &OS, const TextOptions &Options)
      : OS(OS), Options(Options) {}

  void print(const SourcePoint &Loc, bool IsNote, llvm::StringRef Message,
             llvm::StringRef Rule) {
    setColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << displayPath(Loc.File, Options.BaseDirectory) << ':' << Loc.Line
       << ':' << Loc.Column << ": ";
    if (IsNote) {
      setColor(llvm::raw_ostream::BLACK, true);
      OS << "note: ";
      reset();
    } else {
      setColor(llvm::raw_ostream::MAGENTA, true);
      OS << "warning: ";
      setColor(llvm::raw_ostream::SAVEDCOLOR, true);
    }
    OS << Message;
    if (!Rule.empty())
      OS << " [" << Rule << ']';
    reset();
    OS << '\n';
  }

private:
  void setColor(llvm::raw_ostream::Colors Color, bool Bold) {
    if (Options.Color)
      OS.changeColor(Color, Bold);
  }
  void reset() {
    if (Options.Color)
      OS.resetColor();
  }

  llvm::raw_ostream &OS;
  const TextOptions &Options;
};
} // namespace

void printText(llvm::raw_ostream &OS, llvm::ArrayRef<Finding> Findings,
               const TextOptions &Options) {
  LinePrinter Printer(OS, Options);
  for (const Finding &F : Findings) {
    Printer.print(F.Loc, /*IsNote=*/false, F.Message, F.Rule);
    for (const TraceNote &Note : F.Trace)
      Printer.print(Note.Loc, /*IsNote=*/true, Note.Message, "");
  }
}

} // namespace spawnguard
