// Minimal stand-in for <windows.h>: just what the sink tests call.
#pragma once

#define WINAPI
typedef int BOOL;
typedef unsigned int UINT;
typedef unsigned long DWORD;
typedef void *HANDLE;
typedef void *HWND;
typedef void *HINSTANCE;
typedef void *LPVOID;
typedef const char *LPCSTR;
typedef char *LPSTR;
typedef const wchar_t *LPCWSTR;
typedef wchar_t *LPWSTR;
typedef struct _SECURITY_ATTRIBUTES *LPSECURITY_ATTRIBUTES;
typedef struct _STARTUPINFOA { DWORD cb; } STARTUPINFOA, *LPSTARTUPINFOA;
typedef struct _STARTUPINFOW { DWORD cb; } STARTUPINFOW, *LPSTARTUPINFOW;
typedef struct _PROCESS_INFORMATION {
  HANDLE hProcess;
  HANDLE hThread;
} PROCESS_INFORMATION, *LPPROCESS_INFORMATION;
typedef struct _SHELLEXECUTEINFOA { DWORD cbSize; } SHELLEXECUTEINFOA;
typedef struct _SHELLEXECUTEINFOW { DWORD cbSize; } SHELLEXECUTEINFOW;
typedef DWORD (*LPTHREAD_START_ROUTINE)(LPVOID);

#ifdef __cplusplus
extern "C" {
#endif

BOOL WINAPI CreateProcessA(LPCSTR, LPSTR, LPSECURITY_ATTRIBUTES,
                           LPSECURITY_ATTRIBUTES, BOOL, DWORD, LPVOID, LPCSTR,
                           LPSTARTUPINFOA, LPPROCESS_INFORMATION);
BOOL WINAPI CreateProcessW(LPCWSTR, LPWSTR, LPSECURITY_ATTRIBUTES,
                           LPSECURITY_ATTRIBUTES, BOOL, DWORD, LPVOID, LPCWSTR,
                           LPSTARTUPINFOW, LPPROCESS_INFORMATION);
BOOL WINAPI CreateProcessAsUserA(HANDLE, LPCSTR, LPSTR, LPSECURITY_ATTRIBUTES,
                                 LPSECURITY_ATTRIBUTES, BOOL, DWORD, LPVOID,
                                 LPCSTR, LPSTARTUPINFOA,
                                 LPPROCESS_INFORMATION);
BOOL WINAPI CreateProcessAsUserW(HANDLE, LPCWSTR, LPWSTR,
                                 LPSECURITY_ATTRIBUTES, LPSECURITY_ATTRIBUTES,
                                 BOOL, DWORD, LPVOID, LPCWSTR, LPSTARTUPINFOW,
                                 LPPROCESS_INFORMATION);
BOOL WINAPI CreateProcessWithLogonW(LPCWSTR, LPCWSTR, LPCWSTR, DWORD, LPCWSTR,
                                    LPWSTR, DWORD, LPVOID, LPCWSTR,
                                    LPSTARTUPINFOW, LPPROCESS_INFORMATION);
BOOL WINAPI CreateProcessWithTokenW(HANDLE, DWORD, LPCWSTR, LPWSTR, DWORD,
                                    LPVOID, LPCWSTR, LPSTARTUPINFOW,
                                    LPPROCESS_INFORMATION);
HINSTANCE WINAPI ShellExecuteA(HWND, LPCSTR, LPCSTR, LPCSTR, LPCSTR, int);
HINSTANCE WINAPI ShellExecuteW(HWND, LPCWSTR, LPCWSTR, LPCWSTR, LPCWSTR, int);
BOOL WINAPI ShellExecuteExA(SHELLEXECUTEINFOA *);
BOOL WINAPI ShellExecuteExW(SHELLEXECUTEINFOW *);
UINT WINAPI WinExec(LPCSTR, UINT);

// Not sinks.
HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES, unsigned long,
                           LPTHREAD_START_ROUTINE, LPVOID, DWORD, DWORD *);
HANDLE WINAPI OpenProcess(DWORD, BOOL, DWORD);
BOOL WINAPI TerminateProcess(HANDLE, UINT);
BOOL WINAPI GetExitCodeProcess(HANDLE, DWORD *);
DWORD WINAPI WaitForSingleObject(HANDLE, DWORD);
BOOL WINAPI CloseHandle(HANDLE);

#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define CreateProcess CreateProcessW
#define ShellExecute ShellExecuteW
#else
#define CreateProcess CreateProcessA
#define ShellExecute ShellExecuteA
#endif
