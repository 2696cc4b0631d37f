//===- JsonRpc.cpp --------------------------------------------------------===//

#include "spawnguard/Lsp/JsonRpc.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace spawnguard {
namespace lsp {

namespace {

constexpr llvm::StringLiteral ContentLength = "Content-Length";

/// A bounded, printable rendering of untrusted bytes for an error message.
std::string quote(llvm::StringRef Bytes) {
  constexpr size_t Limit = 40;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << '\'';
  llvm::printEscapedString(Bytes.take_front(Limit), OS);
  OS << (Bytes.size() > Limit ? "...'" : "'");
  return Out;
}

llvm::Error malformed(const llvm::Twine &Problem) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Problem);
}

} // namespace

void MessageReader::feed(llvm::StringRef Bytes) { Buffer.append(Bytes); }

void MessageReader::consume(size_t Bytes) {
  Start += Bytes;
  if (Start == Buffer.size()) {
    Buffer.clear();
    Start = 0;
  } else if (Start > (1u << 20) && Start > Buffer.size() / 2) {
    // Amortized: the consumed prefix is dropped only once it dominates.
    Buffer.erase(0, Start);
    Start = 0;
  }
}

MessageReader::HeaderState MessageReader::readHeader(uint64_t &BodySize,
                                                     std::string &Problem,
                                                     size_t &HeaderEnd) const {
  llvm::StringRef Rest = llvm::StringRef(Buffer).drop_front(Start);
  std::optional<uint64_t> Length;
  size_t Offset = 0;
  while (true) {
    size_t Newline = Rest.find('\n', Offset);
    if (Newline == llvm::StringRef::npos) {
      if (Rest.size() <= MaxHeaderSize)
        return HeaderState::Incomplete;
      Problem = "a header longer than " + std::to_string(MaxHeaderSize) +
                " bytes: " + quote(Rest);
      HeaderEnd = Rest.size();
      return HeaderState::Malformed;
    }
    // The protocol ends lines with "\r\n"; a bare "\n" is accepted too.
    llvm::StringRef Line = Rest.slice(Offset, Newline).rtrim('\r');
    Offset = Newline + 1;
    if (Offset > MaxHeaderSize) {
      Problem = "a header longer than " + std::to_string(MaxHeaderSize) +
                " bytes: " + quote(Rest);
      HeaderEnd = Offset;
      return HeaderState::Malformed;
    }
    if (Line.empty())
      break;
    auto [Name, Value] = Line.split(':');
    if (Name.size() == Line.size()) {
      Problem = "a header line without ':': " + quote(Line);
      HeaderEnd = Offset;
      return HeaderState::Malformed;
    }
    if (!Name.trim().equals_insensitive(ContentLength))
      continue; // Content-Type and unknown headers carry nothing we need.
    Value = Value.trim();
    uint64_t Parsed = 0;
    if (Value.empty() || !llvm::all_of(Value, llvm::isDigit) ||
        Value.getAsInteger(10, Parsed)) {
      Problem = "an invalid Content-Length: " + quote(Value);
      HeaderEnd = Offset;
      return HeaderState::Malformed;
    }
    if (Length && *Length != Parsed) {
      Problem = "two different Content-Length headers";
      HeaderEnd = Offset;
      return HeaderState::Malformed;
    }
    Length = Parsed;
  }
  HeaderEnd = Offset;
  if (!Length) {
    Problem = "a message without a Content-Length header";
    return HeaderState::Malformed;
  }
  BodySize = *Length;
  return HeaderState::Complete;
}

bool MessageReader::resynchronize() {
  llvm::StringRef Rest = llvm::StringRef(Buffer).drop_front(Start);
  size_t Found = Rest.find_insensitive(ContentLength);
  if (Found != llvm::StringRef::npos) {
    consume(Found);
    Resynchronizing = false;
    return true;
  }
  // Keep a tail that may be the start of a header split across chunks.
  size_t Keep = std::min(Rest.size(), ContentLength.size() - 1);
  consume(Rest.size() - Keep);
  return false;
}

std::optional<llvm::Expected<llvm::json::Value>> MessageReader::next() {
  if (Resynchronizing && !resynchronize())
    return std::nullopt;
  if (pending() == 0)
    return std::nullopt;

  uint64_t BodySize = 0;
  size_t HeaderEnd = 0;
  std::string Problem;
  switch (readHeader(BodySize, Problem, HeaderEnd)) {
  case HeaderState::Incomplete:
    return std::nullopt;
  case HeaderState::Malformed:
    consume(HeaderEnd);
    Resynchronizing = true;
    return malformed("malformed message: " + Problem);
  case HeaderState::Complete:
    break;
  }
  if (BodySize > MaxBodySize) {
    // Its body is skipped like that of a malformed header, by looking for
    // the next header: a wrong length must not swallow the session.
    consume(HeaderEnd);
    Resynchronizing = true;
    return malformed("a message of " + llvm::Twine(BodySize) +
                     " bytes is larger than the limit of " +
                     llvm::Twine(MaxBodySize) + " bytes; skipped");
  }
  if (pending() - HeaderEnd < BodySize)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Message = llvm::json::parse(
      llvm::StringRef(Buffer).substr(Start + HeaderEnd, BodySize));
  consume(HeaderEnd + BodySize);
  if (!Message)
    return malformed("invalid JSON in a message body: " +
                     llvm::toString(Message.takeError()));
  return Message;
}

std::string frameMessage(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream(Body) << Message;
  return "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n" + Body;
}

} // namespace lsp
} // namespace spawnguard
