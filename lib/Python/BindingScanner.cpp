//===- BindingScanner.cpp - Phase 1 from tokens, without a tree -----------===//
//
// Two layers. LogicalLines splits the source into Python's logical lines
// (lines joined inside brackets and after a backslash; comments and strings
// skipped, f-string fields with their nested strings included) and gives
// each its tokens and its indentation, counted as tree-sitter counts it.
// BindingScanner follows the blocks by indentation and reads the statements
// that make a summary, mirroring BindingCollector node type by node type.
// Only nested f-string fields recurse, to a fixed bound.
//
//===----------------------------------------------------------------------===//

#include "BindingScanner.h"
#include "spawnguard/Python/PythonFrontEnd.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>
#include <vector>

namespace spawnguard {
namespace python {

namespace {

/// F-string fields nested deeper than this end the scan of the module:
/// CPython itself refuses far shallower nesting.
constexpr unsigned MaxFieldNesting = 150;

enum class TokenKind : uint8_t { Name, Op, Other };

struct Token {
  TokenKind Kind;
  size_t Begin, End;
};

bool isNameStart(unsigned char C) {
  return llvm::isAlpha(C) || C == '_' || C >= 0x80;
}
bool isNameChar(unsigned char C) {
  return llvm::isAlnum(C) || C == '_' || C >= 0x80;
}
bool isQuote(char C) { return C == '"' || C == '\''; }
bool isNewline(char C) { return C == '\n' || C == '\r'; }

/// Letters that may prefix a string literal, in any order and case, as
/// tree-sitter's scanner takes them (plus 't', Python 3.14's templates).
bool isStringPrefix(llvm::StringRef Name) {
  return Name.find_first_not_of("rRbBuUfFtT") == llvm::StringRef::npos;
}

class LogicalLines {
public:
  explicit LogicalLines(llvm::StringRef Source) : S(Source) {}

  /// The tokens and indentation of the next logical line that has tokens;
  /// false at the end of the source.
  bool next(std::vector<Token> &Tokens, unsigned &Indent) {
    while (P < S.size()) {
      // Indentation as tree-sitter measures it: a tab counts 8, a form feed
      // starts again from 0.
      unsigned Column = 0;
      for (; P < S.size(); ++P) {
        char C = S[P];
        if (C == ' ')
          ++Column;
        else if (C == '\t')
          Column += 8;
        else if (C == '\f')
          Column = 0;
        else
          break;
      }
      Indent = Column;
      Tokens.clear();
      lineTokens(Tokens);
      if (!Tokens.empty())
        return true;
    }
    return false;
  }

  llvm::StringRef text(const Token &T) const { return S.slice(T.Begin, T.End); }
  llvm::StringRef text(size_t Begin, size_t End) const {
    return S.slice(Begin, End);
  }

private:
  void skipNewline() {
    if (S[P] == '\r' && P + 1 < S.size() && S[P + 1] == '\n')
      ++P;
    ++P;
  }

  void skipComment() {
    while (P < S.size() && !isNewline(S[P]))
      ++P;
  }

  /// The tokens up to the end of the logical line, which is consumed.
  void lineTokens(std::vector<Token> &Tokens) {
    unsigned Depth = 0;
    while (P < S.size()) {
      char C = S[P];
      size_t Begin = P;
      if (C == ' ' || C == '\t' || C == '\f') {
        ++P;
      } else if (isNewline(C)) {
        skipNewline();
        if (Depth == 0)
          return;
      } else if (C == '#') {
        skipComment();
      } else if (C == '\\') {
        ++P;
        if (P < S.size() && isNewline(S[P]))
          skipNewline();
        else
          Tokens.push_back({TokenKind::Other, Begin, P});
      } else if (isQuote(C)) {
        string("", 0);
        Tokens.push_back({TokenKind::Other, Begin, P});
      } else if (isNameStart(C)) {
        bool IsString = nameOrString(0);
        Tokens.push_back(
            {IsString ? TokenKind::Other : TokenKind::Name, Begin, P});
      } else if (llvm::isDigit(C) ||
                 (C == '.' && P + 1 < S.size() && llvm::isDigit(S[P + 1]))) {
        number();
        Tokens.push_back({TokenKind::Other, Begin, P});
      } else {
        if (C == '(' || C == '[' || C == '{')
          ++Depth;
        else if ((C == ')' || C == ']' || C == '}') && Depth > 0)
          --Depth;
        op();
        Tokens.push_back({TokenKind::Op, Begin, P});
      }
    }
  }

  /// A name, or the string literal it prefixes ('rb"..."'); true for a
  /// string.
  bool nameOrString(unsigned Nesting) {
    size_t Begin = P;
    while (P < S.size() && isNameChar(S[P]))
      ++P;
    llvm::StringRef Name = S.slice(Begin, P);
    if (P == S.size() || !isQuote(S[P]) || !isStringPrefix(Name))
      return false;
    string(Name, Nesting);
    return true;
  }

  /// A number, loosely: only where it ends matters.
  void number() {
    bool Hex = S[P] == '0' && P + 1 < S.size() && (S[P + 1] | 0x20) == 'x';
    while (P < S.size()) {
      char C = S[P];
      if (llvm::isAlnum(C) || C == '_' || C == '.' ||
          ((C == '+' || C == '-') && !Hex && (S[P - 1] | 0x20) == 'e'))
        ++P;
      else
        break;
    }
  }

  /// One operator or delimiter, the longest that matches, so that '=' and
  /// ':' tokens are never part of '==', ':=', '<=', '->' and the like.
  void op() {
    char C = S[P];
    char N = P + 1 < S.size() ? S[P + 1] : 0;
    char N2 = P + 2 < S.size() ? S[P + 2] : 0;
    if (C == '.' && N == '.' && N2 == '.') {
      P += 3;
    } else if (llvm::StringRef("*/<>").contains(C) && N == C) {
      P += N2 == '=' ? 3 : 2;
    } else if (llvm::StringRef("=<>!:+-*/%&|^@").contains(C) && N == '=') {
      P += 2;
    } else if (C == '-' && N == '>') {
      P += 2;
    } else {
      ++P;
    }
  }

  /// A string literal whose prefix, if any, was consumed; P is at the
  /// quote. Ends after the closing quote, or before the newline that leaves
  /// a one-line string unterminated.
  void string(llvm::StringRef Prefix, unsigned Nesting) {
    bool Raw = Prefix.find_first_of("rR") != llvm::StringRef::npos;
    bool Bytes = Prefix.find_first_of("bB") != llvm::StringRef::npos;
    bool Fields = Prefix.find_first_of("fFtT") != llvm::StringRef::npos;
    char Quote = S[P];
    bool Triple = P + 2 < S.size() && S[P + 1] == Quote && S[P + 2] == Quote;
    P += Triple ? 3 : 1;
    while (P < S.size()) {
      char C = S[P];
      if (C == '\\') {
        ++P;
        if (P == S.size())
          return;
        char E = S[P];
        if (isNewline(E))
          skipNewline();
        else if (E == Quote || E == '\\')
          ++P;
        else if (E == 'N' && !Raw && !Bytes && P + 1 < S.size() &&
                 S[P + 1] == '{') {
          // \N{NAME}: its braces are no field.
          while (P < S.size() && S[P] != '}' && !isNewline(S[P]))
            ++P;
        }
        // Any other escaped character is read as itself next: a '{' after
        // a backslash still opens a field.
      } else if (C == Quote) {
        if (!Triple) {
          ++P;
          return;
        }
        if (P + 2 < S.size() && S[P + 1] == Quote && S[P + 2] == Quote) {
          P += 3;
          return;
        }
        ++P;
      } else if (isNewline(C) && !Triple) {
        return;
      } else if (Fields && C == '{') {
        if (P + 1 < S.size() && S[P + 1] == '{') {
          P += 2;
        } else {
          ++P;
          field(Triple, Nesting + 1);
        }
      } else {
        ++P;
      }
    }
  }

  /// The rest of an f-string field after its '{': an expression, which may
  /// hold strings of any quote (PEP 701), then '!r' and a format spec with
  /// fields of its own, up to the '}'.
  void field(bool Triple, unsigned Nesting) {
    if (Nesting > MaxFieldNesting) {
      P = S.size();
      return;
    }
    unsigned Depth = 0;
    while (P < S.size()) {
      char C = S[P];
      if (C == '#') {
        skipComment();
      } else if (isQuote(C)) {
        string("", Nesting);
      } else if (isNameStart(C)) {
        nameOrString(Nesting);
      } else if (C == '(' || C == '[' || C == '{') {
        ++Depth;
        ++P;
      } else if (C == ')' || C == ']') {
        Depth -= Depth > 0;
        ++P;
      } else if (C == '}') {
        ++P;
        if (Depth == 0)
          return;
        --Depth;
      } else if (C == ':' && Depth == 0) {
        ++P;
        formatSpec(Triple, Nesting);
        return;
      } else {
        ++P;
      }
    }
  }

  /// A format spec after its ':', up to the '}' that ends the field.
  void formatSpec(bool Triple, unsigned Nesting) {
    while (P < S.size()) {
      char C = S[P];
      if (C == '}') {
        ++P;
        return;
      }
      if (isNewline(C) && !Triple)
        return;
      ++P;
      if (C == '{')
        field(Triple, Nesting + 1);
    }
  }

  llvm::StringRef S;
  size_t P = 0;
};

/// Python's hard keywords. 'print', 'exec', 'async', 'await', 'match' and
/// 'type' are identifiers to tree-sitter where a name can stand.
bool isKeyword(llvm::StringRef Word) {
  return llvm::StringSwitch<bool>(Word)
      .Cases("False", "None", "True", "and", "as", "assert", "break", true)
      .Cases("class", "continue", "def", "del", "elif", "else", "except", true)
      .Cases("finally", "for", "from", "global", "if", "import", "in", true)
      .Cases("is", "lambda", "nonlocal", "not", "or", "pass", "raise", true)
      .Cases("return", "try", "while", "with", "yield", true)
      .Default(false);
}

class BindingScanner {
public:
  BindingScanner(ModuleSummary &M, llvm::StringRef Source)
      : M(M), Lines(Source) {}

  void run() {
    Blocks.push_back({-1, Body::TopLevel, M.Name});
    while (Lines.next(Tokens, Indent)) {
      while (Blocks.back().HeaderIndent >= int(Indent)) {
        Blocks.pop_back();
        Decorators.clear();
      }
      if (Blocks.back().Kind != Body::Ignored)
        statement();
    }
  }

private:
  /// What a block's statements contribute to the summary.
  enum class Body : uint8_t {
    /// The module's top level, and the bodies of its compound statements
    /// (if, for, while, try, with and their clauses): every binding.
    TopLevel,
    /// A class body: its methods and nested classes.
    Class,
    /// Function bodies, 'match' cases, 'except*' clauses, compound
    /// statements in class bodies: nothing.
    Ignored,
  };
  struct Block {
    /// The indentation of the header that opened it; the block goes on
    /// while lines are indented deeper.
    int HeaderIndent;
    Body Kind;
    /// For a class body, the class's qualified name.
    std::string Scope;
  };

  bool isName(size_t I, llvm::StringRef Word) const {
    return I < Tokens.size() && Tokens[I].Kind == TokenKind::Name &&
           Lines.text(Tokens[I]) == Word;
  }
  bool isOp(size_t I, llvm::StringRef Op) const {
    return I < Tokens.size() && Tokens[I].Kind == TokenKind::Op &&
           Lines.text(Tokens[I]) == Op;
  }
  bool isPlainName(size_t I) const {
    return I < Tokens.size() && Tokens[I].Kind == TokenKind::Name &&
           !isKeyword(Lines.text(Tokens[I]));
  }
  llvm::StringRef text(size_t I) const { return Lines.text(Tokens[I]); }

  /// The end of the dotted name 'a.b.c' that starts at \p I and ends by
  /// \p End; \p I if there is none. After a dot, tree-sitter takes a
  /// keyword for a name too.
  size_t dotted(size_t I, size_t End) const {
    if (I >= End || !isPlainName(I))
      return I;
    size_t J = I + 1;
    while (J + 1 < End && isOp(J, ".") && Tokens[J + 1].Kind == TokenKind::Name)
      J += 2;
    return J;
  }
  /// Tokens [I, End) as written, from the first to the last.
  llvm::StringRef spelled(size_t I, size_t End) const {
    return Lines.text(Tokens[I].Begin, Tokens[End - 1].End);
  }
  /// The dotted name in tokens [I, End) as BindingCollector's dottedText
  /// gives it: its names joined by dots; "" if the tokens are not exactly
  /// one dotted name.
  std::string joined(size_t I, size_t End) const {
    if (I >= End || dotted(I, End) != End)
      return "";
    std::string Out = text(I).str();
    for (size_t J = I + 2; J < End; J += 2)
      Out += "." + text(J).str();
    return Out;
  }

  /// +1 for an opening bracket, -1 for a closing one, 0 for other tokens.
  int bracket(size_t I) const {
    if (Tokens[I].Kind != TokenKind::Op || Tokens[I].End - Tokens[I].Begin != 1)
      return 0;
    switch (text(I).front()) {
    case '(':
    case '[':
    case '{':
      return 1;
    case ')':
    case ']':
    case '}':
      return -1;
    default:
      return 0;
    }
  }

  /// \p Depth past token \p I, which may open or close a bracket; never
  /// below zero, whatever the input.
  void nest(unsigned &Depth, size_t I) const {
    int Change = bracket(I);
    Depth = Change < 0 && Depth == 0 ? 0 : Depth + Change;
  }

  /// The index of the bracket that closes the one at \p Open, or the end.
  size_t closing(size_t Open) const {
    unsigned Depth = 0;
    for (size_t I = Open; I < Tokens.size(); ++I) {
      nest(Depth, I);
      if (Depth == 0)
        return I;
    }
    return Tokens.size();
  }

  /// The colon that ends a compound statement's header starting at
  /// \p From, past brackets and the colons of lambdas; npos if none.
  size_t headerColon(size_t From) const {
    unsigned Depth = 0, Lambdas = 0;
    for (size_t I = From; I < Tokens.size(); ++I) {
      nest(Depth, I);
      if (Depth != 0)
        continue;
      if (isName(I, "lambda"))
        ++Lambdas;
      else if (isOp(I, ":") && Lambdas-- == 0)
        return I;
    }
    return llvm::StringRef::npos;
  }

  /// After the header ending at \p Colon: simple statements on the same
  /// line, or a block of kind \p Kind on the lines below.
  void openBody(size_t Colon, Body Kind, std::string Scope = "") {
    if (Colon == llvm::StringRef::npos)
      return;
    if (Kind == Body::TopLevel)
      Scope = M.Name;
    if (Colon + 1 < Tokens.size()) {
      if (Kind == Body::TopLevel)
        simpleStatements(Colon + 1);
      return;
    }
    Blocks.push_back({int(Indent), Kind, std::move(Scope)});
  }

  /// The logical line, in the innermost block (which is not ignored).
  void statement() {
    if (isOp(0, "@")) {
      decorator();
      return;
    }
    size_t K = isName(0, "async") && (isName(1, "def") || isName(1, "for") ||
                                      isName(1, "with"))
                   ? 1
                   : 0;
    Body Here = Blocks.back().Kind;
    if (isName(K, "def")) {
      function(K);
    } else if (isName(K, "class")) {
      classDef(K);
    } else if (isName(K, "if") || isName(K, "elif") || isName(K, "else") ||
               isName(K, "for") || isName(K, "while") || isName(K, "try") ||
               isName(K, "except") || isName(K, "finally") ||
               isName(K, "with")) {
      // BindingCollector enters these at the top level only, and not
      // 'except*' (an except_group_clause).
      bool Entered = Here == Body::TopLevel && !isOp(K + 1, "*");
      openBody(headerColon(K), Entered ? Body::TopLevel : Body::Ignored);
    } else if (isName(0, "match") && isOp(Tokens.size() - 1, ":")) {
      // A simple statement never ends in a colon, so this is a match
      // statement, whose cases BindingCollector does not enter.
      openBody(Tokens.size() - 1, Body::Ignored);
    } else if (Here == Body::TopLevel) {
      simpleStatements(0);
    }
    Decorators.clear();
  }

  /// '@' and an expression: its dotted name, or the dotted name it calls.
  void decorator() {
    size_t End = Tokens.size();
    size_t NameEnd = dotted(1, End);
    if (NameEnd < End && isOp(NameEnd, "(") && closing(NameEnd) == End - 1)
      End = NameEnd;
    Decorators.push_back(joined(1, End));
  }

  /// The qualified name that the 'def' or 'class' at \p Keyword defines in
  /// the innermost block, bound as a global at the top level; none if no
  /// name follows.
  std::optional<std::string> define(size_t Keyword) {
    if (!isPlainName(Keyword + 1))
      return std::nullopt;
    const Block &B = Blocks.back();
    llvm::StringRef Name = text(Keyword + 1);
    std::string Q = B.Scope + "." + Name.str();
    if (B.Kind == Body::TopLevel)
      M.Globals[Name] = Q;
    return Q;
  }

  void function(size_t Def) {
    std::optional<std::string> Q = define(Def);
    if (!Q)
      return;
    M.Functions.push_back(*Q);
    for (const std::string &Raw : Decorators)
      if (!Raw.empty())
        M.Decorated.push_back({*Q, Raw});
    openBody(headerColon(Def), Body::Ignored);
  }

  void classDef(size_t Class) {
    std::optional<std::string> Q = define(Class);
    if (!Q)
      return;
    ClassSummary &Info = M.Classes.emplace_back();
    Info.Name = *Q;
    size_t I = Class + 2;
    if (isOp(I, "["))
      I = closing(I) + 1;
    if (isOp(I, "(")) {
      // The arguments between the parentheses, split at top-level commas.
      size_t Close = closing(I), ArgBegin = I + 1;
      unsigned Depth = 0;
      for (size_t J = I + 1; J <= Close && J < Tokens.size(); ++J) {
        if (J != Close) {
          nest(Depth, J);
          if (Depth != 0 || !isOp(J, ","))
            continue;
        }
        std::string Raw = joined(ArgBegin, J);
        if (!Raw.empty())
          Info.RawBases.push_back(std::move(Raw));
        ArgBegin = J + 1;
      }
    }
    openBody(headerColon(Class), Body::Class, *Q);
  }

  /// The ';'-separated simple statements from token \p From to the end of
  /// the line, at the top level.
  void simpleStatements(size_t From) {
    unsigned Depth = 0;
    size_t Begin = From;
    for (size_t I = From; I <= Tokens.size(); ++I) {
      if (I < Tokens.size()) {
        nest(Depth, I);
        if (Depth != 0 || !isOp(I, ";"))
          continue;
      }
      if (Begin < I)
        simpleStatement(Begin, I);
      Begin = I + 1;
    }
  }

  void simpleStatement(size_t Begin, size_t End) {
    if (isName(Begin, "import"))
      importNames(Begin + 1, End);
    else if (isName(Begin, "from"))
      fromImport(Begin + 1, End);
    else if (isPlainName(Begin))
      assignment(Begin, End);
  }

  /// 'X = a.b' or 'X: T = a.b', nothing else (not 'X = Y = a.b').
  void assignment(size_t Begin, size_t End) {
    size_t Right = llvm::StringRef::npos;
    if (isOp(Begin + 1, "=")) {
      Right = Begin + 2;
    } else if (isOp(Begin + 1, ":")) {
      unsigned Depth = 0;
      for (size_t I = Begin + 2; I < End; ++I) {
        nest(Depth, I);
        if (Depth == 0 && isOp(I, "=")) {
          Right = I + 1;
          break;
        }
      }
    }
    if (Right == llvm::StringRef::npos)
      return;
    std::string Raw = joined(Right, End);
    llvm::StringRef Left = text(Begin);
    if (!Raw.empty() && Raw != Left)
      M.RawAliases[Left] = Raw;
  }

  /// Calls \p Bind with each dotted name of the import list in tokens
  /// [I, End) as spelled, and its alias ("" if none).
  void importList(
      size_t I, size_t End,
      llvm::function_ref<void(llvm::StringRef, llvm::StringRef)> Bind) const {
    while (I < End) {
      size_t NameEnd = dotted(I, End);
      if (NameEnd == I)
        return;
      llvm::StringRef Alias;
      if (isName(NameEnd, "as") && NameEnd + 1 < End &&
          isPlainName(NameEnd + 1))
        Alias = text(NameEnd + 1);
      Bind(spelled(I, NameEnd), Alias);
      I = NameEnd + (Alias.empty() ? 0 : 2);
      if (I >= End || !isOp(I, ","))
        return;
      ++I;
    }
  }

  /// 'import a.b, c.d as e'.
  void importNames(size_t I, size_t End) {
    importList(I, End, [&](llvm::StringRef Full, llvm::StringRef Alias) {
      if (!Alias.empty()) {
        M.Globals[Alias] = Full.str();
      } else {
        llvm::StringRef Head = Full.split('.').first;
        M.Globals[Head] = Head.str();
      }
    });
  }

  /// 'from .pkg.mod import a, b as c' (and '(...)', and not '*').
  void fromImport(size_t I, size_t End) {
    unsigned Dots = 0;
    for (; I < End && (isOp(I, ".") || isOp(I, "...")); ++I)
      Dots += text(I).size();
    size_t ModuleEnd = dotted(I, End);
    llvm::StringRef Module =
        ModuleEnd > I ? spelled(I, ModuleEnd) : llvm::StringRef();
    if ((Dots == 0 && Module.empty()) || (Dots == 0 && Module == "__future__"))
      return;
    if (!isName(ModuleEnd, "import"))
      return;
    std::string Base =
        Dots ? resolveImportModule(M.Name, M.IsPackage, Dots, Module)
             : Module.str();
    if (Base.empty())
      return;
    I = ModuleEnd + 1;
    if (isOp(I, "(")) {
      End = std::min(End, closing(I));
      ++I;
    }
    importList(I, End, [&](llvm::StringRef Name, llvm::StringRef Alias) {
      M.Globals[Alias.empty() ? Name : Alias] = Base + "." + Name.str();
    });
  }

  ModuleSummary &M;
  LogicalLines Lines;
  std::vector<Token> Tokens;
  unsigned Indent = 0;
  std::vector<Block> Blocks;
  /// The decorators read since the last statement, as dotted names ("" for
  /// one that is not).
  std::vector<std::string> Decorators;
};

} // namespace

void scanBindings(ModuleSummary &M, llvm::StringRef Source) {
  BindingScanner(M, Source).run();
}

std::vector<size_t> logicalLineStarts(llvm::StringRef Source) {
  LogicalLines Lines(Source);
  std::vector<Token> Tokens;
  unsigned Indent;
  std::vector<size_t> Starts;
  while (Lines.next(Tokens, Indent))
    Starts.push_back(Tokens.front().Begin);
  return Starts;
}

} // namespace python
} // namespace spawnguard
