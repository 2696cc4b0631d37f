// Minimal stand-in for <glib.h>: the g_spawn API.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

typedef int gboolean;
typedef char gchar;
typedef int gint;
typedef unsigned long gsize;
typedef void *gpointer;
typedef int GPid;
typedef struct _GError GError;
typedef enum { G_SPAWN_DEFAULT = 0, G_SPAWN_SEARCH_PATH = 1 << 2 } GSpawnFlags;
typedef void (*GSpawnChildSetupFunc)(gpointer);

gboolean g_spawn_async(const gchar *, gchar **, gchar **, GSpawnFlags,
                       GSpawnChildSetupFunc, gpointer, GPid *, GError **);
gboolean g_spawn_async_with_fds(const gchar *, gchar **, gchar **,
                                GSpawnFlags, GSpawnChildSetupFunc, gpointer,
                                GPid *, gint, gint, gint, GError **);
gboolean g_spawn_async_with_pipes(const gchar *, gchar **, gchar **,
                                  GSpawnFlags, GSpawnChildSetupFunc, gpointer,
                                  GPid *, gint *, gint *, gint *, GError **);
gboolean g_spawn_async_with_pipes_and_fds(
    const gchar *, const gchar *const *, const gchar *const *, GSpawnFlags,
    GSpawnChildSetupFunc, gpointer, gint, gint, gint, const gint *,
    const gint *, gsize, GPid *, gint *, gint *, gint *, GError **);
gboolean g_spawn_sync(const gchar *, gchar **, gchar **, GSpawnFlags,
                      GSpawnChildSetupFunc, gpointer, gchar **, gchar **,
                      gint *, GError **);
gboolean g_spawn_command_line_async(const gchar *, GError **);
gboolean g_spawn_command_line_sync(const gchar *, gchar **, gchar **, gint *,
                                   GError **);

// Not sinks: they inspect a child that already ran.
gboolean g_spawn_check_exit_status(gint, GError **);
gboolean g_spawn_check_wait_status(gint, GError **);
void g_spawn_close_pid(GPid);

#ifdef __cplusplus
}
#endif
