//===- TextDocument.cpp ---------------------------------------------------===//

#include "spawnguard/Lsp/TextDocument.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <limits>

namespace spawnguard {
namespace lsp {

namespace {

llvm::Error invalid(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The UTF-16 code units of the UTF-8 character starting with \p Lead.
unsigned utf16Units(unsigned char Lead) { return Lead >= 0xF0 ? 2 : 1; }

/// Bytes of the UTF-8 character starting with \p Lead (1 for a stray byte).
unsigned utf8Bytes(unsigned char Lead) {
  if (Lead >= 0xF0)
    return 4;
  if (Lead >= 0xE0)
    return 3;
  if (Lead >= 0xC0)
    return 2;
  return 1;
}

/// Byte offset of the start of 0-based line \p Line, or std::nullopt.
std::optional<size_t> lineStart(llvm::StringRef Text, unsigned Line) {
  size_t Offset = 0;
  for (unsigned I = 0; I < Line; ++I) {
    size_t Newline = Text.find('\n', Offset);
    if (Newline == llvm::StringRef::npos)
      return std::nullopt;
    Offset = Newline + 1;
  }
  return Offset;
}

/// The byte offset of an LSP position; a character past the line's end
/// means its end, as the protocol specifies.
llvm::Expected<size_t> offsetOf(llvm::StringRef Text,
                                const llvm::json::Value *Position) {
  const llvm::json::Object *P = Position ? Position->getAsObject() : nullptr;
  std::optional<int64_t> Line = P ? P->getInteger("line") : std::nullopt;
  std::optional<int64_t> Character =
      P ? P->getInteger("character") : std::nullopt;
  if (!Line || !Character || *Line < 0 || *Character < 0 ||
      *Line > std::numeric_limits<unsigned>::max())
    return invalid("a position needs a non-negative 'line' and 'character'");
  std::optional<size_t> Start = lineStart(Text, *Line);
  if (!Start)
    return invalid("line " + llvm::Twine(*Line) +
                   " is past the end of the document");
  llvm::StringRef Rest = lineOf(Text.drop_front(*Start), 0);
  size_t Offset = 0;
  for (int64_t Units = 0; Offset < Rest.size() && Units < *Character;) {
    unsigned char Lead = Rest[Offset];
    Units += utf16Units(Lead);
    Offset += std::min<size_t>(utf8Bytes(Lead), Rest.size() - Offset);
  }
  return *Start + Offset;
}

} // namespace

std::optional<std::string> pathFromUri(llvm::StringRef Uri) {
  if (!Uri.consume_front_insensitive("file://"))
    return std::nullopt;
  // Only the local host: 'file:///p' or 'file://localhost/p'.
  if (!Uri.starts_with("/") && !Uri.consume_front_insensitive("localhost"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && llvm::isHexDigit(Uri[I + 1]) &&
        llvm::isHexDigit(Uri[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else if (Uri[I] == '?' || Uri[I] == '#') {
      break;
    } else {
      Path += Uri[I];
    }
  }
  if (!llvm::sys::path::is_absolute(Path) || Path.find('\0') != Path.npos)
    return std::nullopt;
  llvm::SmallString<256> Clean(Path);
  llvm::sys::path::remove_dots(Clean, /*remove_dot_dot=*/true);
  return Clean.str().str();
}

std::string uriFromPath(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

llvm::StringRef lineOf(llvm::StringRef Text, unsigned Line) {
  std::optional<size_t> Start = lineStart(Text, Line);
  if (!Start)
    return "";
  return Text.drop_front(*Start).take_until([](char C) { return C == '\n'; });
}

llvm::json::Object lspPosition(llvm::StringRef Text, unsigned Line,
                               unsigned ByteColumn) {
  unsigned Row = Line ? Line - 1 : 0;
  llvm::StringRef Prefix =
      lineOf(Text, Row).take_front(ByteColumn ? ByteColumn - 1 : 0);
  int64_t Character = 0;
  for (size_t I = 0; I < Prefix.size(); I += utf8Bytes(Prefix[I]))
    Character += utf16Units(Prefix[I]);
  return llvm::json::Object{{"line", Row}, {"character", Character}};
}

llvm::Error applyContentChange(std::string &Text,
                               const llvm::json::Object &Change) {
  std::optional<llvm::StringRef> NewText = Change.getString("text");
  if (!NewText)
    return invalid("a content change without 'text'");
  const llvm::json::Object *Range = Change.getObject("range");
  if (!Range) {
    Text = NewText->str();
    return llvm::Error::success();
  }
  llvm::Expected<size_t> Begin = offsetOf(Text, Range->get("start"));
  if (!Begin)
    return Begin.takeError();
  llvm::Expected<size_t> End = offsetOf(Text, Range->get("end"));
  if (!End)
    return End.takeError();
  if (*End < *Begin)
    return invalid("a range whose end comes before its start");
  Text.replace(*Begin, *End - *Begin, NewText->str());
  return llvm::Error::success();
}

} // namespace lsp
} // namespace spawnguard
