// Minimal stand-in for the MSVC CRT's <process.h>. The real CRT declares
// _popen/_wpopen in <stdio.h> and _wsystem in <stdlib.h>; they are gathered
// here because the test machine's own <stdio.h> and <stdlib.h> win.
#pragma once

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define _P_WAIT 0
#define _P_NOWAIT 1

intptr_t _spawnl(int, const char *, const char *, ...);
intptr_t _spawnle(int, const char *, const char *, ...);
intptr_t _spawnlp(int, const char *, const char *, ...);
intptr_t _spawnlpe(int, const char *, const char *, ...);
intptr_t _spawnv(int, const char *, const char *const *);
intptr_t _spawnve(int, const char *, const char *const *, const char *const *);
intptr_t _spawnvp(int, const char *, const char *const *);
intptr_t _spawnvpe(int, const char *, const char *const *, const char *const *);
intptr_t _wspawnl(int, const wchar_t *, const wchar_t *, ...);
intptr_t _wspawnle(int, const wchar_t *, const wchar_t *, ...);
intptr_t _wspawnlp(int, const wchar_t *, const wchar_t *, ...);
intptr_t _wspawnlpe(int, const wchar_t *, const wchar_t *, ...);
intptr_t _wspawnv(int, const wchar_t *, const wchar_t *const *);
intptr_t _wspawnve(int, const wchar_t *, const wchar_t *const *,
                   const wchar_t *const *);
intptr_t _wspawnvp(int, const wchar_t *, const wchar_t *const *);
intptr_t _wspawnvpe(int, const wchar_t *, const wchar_t *const *,
                    const wchar_t *const *);

intptr_t _execl(const char *, const char *, ...);
intptr_t _execle(const char *, const char *, ...);
intptr_t _execlp(const char *, const char *, ...);
intptr_t _execlpe(const char *, const char *, ...);
intptr_t _execv(const char *, const char *const *);
intptr_t _execve(const char *, const char *const *, const char *const *);
intptr_t _execvp(const char *, const char *const *);
intptr_t _execvpe(const char *, const char *const *, const char *const *);
intptr_t _wexecl(const wchar_t *, const wchar_t *, ...);
intptr_t _wexecle(const wchar_t *, const wchar_t *, ...);
intptr_t _wexeclp(const wchar_t *, const wchar_t *, ...);
intptr_t _wexeclpe(const wchar_t *, const wchar_t *, ...);
intptr_t _wexecv(const wchar_t *, const wchar_t *const *);
intptr_t _wexecve(const wchar_t *, const wchar_t *const *,
                  const wchar_t *const *);
intptr_t _wexecvp(const wchar_t *, const wchar_t *const *);
intptr_t _wexecvpe(const wchar_t *, const wchar_t *const *,
                   const wchar_t *const *);

struct _iobuf;
struct _iobuf *_popen(const char *, const char *);
struct _iobuf *_wpopen(const wchar_t *, const wchar_t *);
int _pclose(struct _iobuf *);
int _wsystem(const wchar_t *);

// Not sinks.
uintptr_t _beginthreadex(void *, unsigned, unsigned (*)(void *), void *,
                         unsigned, unsigned *);
int _getpid(void);
intptr_t _cwait(int *, intptr_t, int);

#ifdef __cplusplus
}
#endif
