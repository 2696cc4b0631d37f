//===- JsonSyntax.cpp -----------------------------------------------------===//
//
// A recognizer for RFC 8259 JSON: a pushdown automaton with one byte of
// stack per open object or array, so that deep nesting costs no native
// stack.
//
//===----------------------------------------------------------------------===//

#include "spawnguard/Core/JsonSyntax.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include <vector>

namespace spawnguard {

namespace {

/// How deep the check follows; deeper documents go to the full parser.
constexpr size_t MaxNesting = 1024;

class JsonRecognizer {
public:
  explicit JsonRecognizer(llvm::StringRef Text)
      : P(Text.begin()), End(Text.end()) {}

  bool run() {
    skipSpace();
    if (!value())
      return false;
    while (true) {
      skipSpace();
      if (Open.empty())
        return P == End;
      // After a member or an element: a comma and the next one, or the end
      // of the innermost container.
      char Closer = Open.back() == '{' ? '}' : ']';
      if (P == End)
        return false;
      if (*P == Closer) {
        ++P;
        Open.pop_back();
        continue;
      }
      if (*P++ != ',')
        return false;
      skipSpace();
      if (Open.back() == '{' && !memberName())
        return false;
      if (!value())
        return false;
    }
  }

private:
  void skipSpace() {
    while (P != End && (*P == ' ' || *P == '\t' || *P == '\n' || *P == '\r'))
      ++P;
  }

  bool literal(llvm::StringRef Word) {
    if (llvm::StringRef(P, End - P).starts_with(Word)) {
      P += Word.size();
      return true;
    }
    return false;
  }

  bool digits() {
    const char *Start = P;
    while (P != End && llvm::isDigit(*P))
      ++P;
    return P != Start;
  }

  bool number() {
    if (P != End && *P == '-')
      ++P;
    if (P != End && *P == '0')
      ++P;
    else if (!digits())
      return false;
    if (P != End && *P == '.') {
      ++P;
      if (!digits())
        return false;
    }
    if (P != End && (*P == 'e' || *P == 'E')) {
      ++P;
      if (P != End && (*P == '+' || *P == '-'))
        ++P;
      if (!digits())
        return false;
    }
    return true;
  }

  bool string() {
    if (P == End || *P != '"')
      return false;
    const char *Start = ++P;
    while (P != End) {
      unsigned char C = *P;
      if (C == '"') {
        bool Valid = llvm::isLegalUTF8String(
            reinterpret_cast<const llvm::UTF8 **>(&Start),
            reinterpret_cast<const llvm::UTF8 *>(P));
        ++P;
        return Valid;
      }
      if (C < 0x20)
        return false;
      ++P;
      if (C != '\\')
        continue;
      if (P == End)
        return false;
      char Escape = *P++;
      if (Escape == 'u') {
        for (int I = 0; I < 4; ++I, ++P)
          if (P == End || !llvm::isHexDigit(*P))
            return false;
      } else if (!llvm::StringRef("\"\\/bfnrt").contains(Escape)) {
        return false;
      }
    }
    return false;
  }

  /// A member's name and its colon, in an object.
  bool memberName() {
    if (!string())
      return false;
    skipSpace();
    if (P == End || *P++ != ':')
      return false;
    skipSpace();
    return true;
  }

  /// One value; an object or array is only opened, and its first member or
  /// element read, here. run() reads the rest.
  bool value() {
    while (true) {
      if (P == End)
        return false;
      char C = *P;
      if (C != '{' && C != '[')
        break;
      if (Open.size() == MaxNesting)
        return false;
      ++P;
      Open.push_back(C);
      skipSpace();
      char Closer = C == '{' ? '}' : ']';
      if (P != End && *P == Closer) {
        ++P;
        Open.pop_back();
        return true;
      }
      if (C == '{' && !memberName())
        return false;
    }
    switch (*P) {
    case '"':
      return string();
    case 't':
      return literal("true");
    case 'f':
      return literal("false");
    case 'n':
      return literal("null");
    default:
      return number();
    }
  }

  const char *P, *End;
  std::vector<char> Open;
};

} // namespace

bool isWellFormedJson(llvm::StringRef Text) {
  return JsonRecognizer(Text).run();
}

} // namespace spawnguard
