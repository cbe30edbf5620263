/*
 * rkt-native: the system calls rkt needs and Node does not offer. Each function returns 0 or a
 * negative errno and never throws; the TypeScript wrapper turns errors into exceptions with context.
 * Keep this file tiny: anything a distribution tool can do belongs in that tool.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define MAX_ARGS 4

static int get_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != want) {
    napi_throw_type_error(env, NULL, "wrong number of arguments");
    return -1;
  }
  return 0;
}

static napi_value result(napi_env env, int rc) {
  napi_value v;
  napi_create_int32(env, rc < 0 ? -errno : 0, &v);
  return v;
}

/* flock(fd, operation) with LOCK_SH=1, LOCK_EX=2, LOCK_NB=4, LOCK_UN=8, as in <sys/file.h>. */
static napi_value js_flock(napi_env env, napi_callback_info info) {
  napi_value argv[MAX_ARGS];
  int32_t fd, op;
  if (get_args(env, info, 2, argv)) return NULL;
  napi_get_value_int32(env, argv[0], &fd);
  napi_get_value_int32(env, argv[1], &op);
  int rc;
  do rc = flock(fd, op); while (rc < 0 && errno == EINTR);
  return result(env, rc);
}

/* mknod(path, mode, major, minor): device nodes and fifos of an image's rootfs. */
static napi_value js_mknod(napi_env env, napi_callback_info info) {
  napi_value argv[MAX_ARGS];
  char path[4096];
  size_t len;
  uint32_t mode, major_, minor_;
  if (get_args(env, info, 4, argv)) return NULL;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len) != napi_ok || len >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "path too long");
    return NULL;
  }
  napi_get_value_uint32(env, argv[1], &mode);
  napi_get_value_uint32(env, argv[2], &major_);
  napi_get_value_uint32(env, argv[3], &minor_);
  return result(env, mknod(path, (mode_t)mode, makedev(major_, minor_)));
}

/* syncfs(fd): flush the whole file system holding fd, once, instead of fsync per rendered file. */
static napi_value js_syncfs(napi_env env, napi_callback_info info) {
  napi_value argv[MAX_ARGS];
  int32_t fd;
  if (get_args(env, info, 1, argv)) return NULL;
  napi_get_value_int32(env, argv[0], &fd);
  return result(env, syncfs(fd));
}

/* Copy a JS array of strings into a NULL-terminated, heap-allocated argv/envp. */
static char **string_array(napi_env env, napi_value arr) {
  uint32_t n;
  if (napi_get_array_length(env, arr, &n) != napi_ok) return NULL;
  char **out = calloc(n + 1, sizeof *out);
  for (uint32_t i = 0; out && i < n; i++) {
    napi_value v;
    size_t len;
    napi_get_element(env, arr, i, &v);
    if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) return NULL;
    out[i] = malloc(len + 1);
    if (!out[i]) return NULL;
    napi_get_value_string_utf8(env, v, out[i], len + 1, &len);
  }
  return out;
}

/*
 * execve(path, argv, envp, keepFds): replace this process, as rkt's stage0 hands a pod to stage1.
 * First undo what Node changed that a new program would inherit: ignored SIGPIPE and other ignored
 * signals, the blocked signal mask, close-on-exec and O_NONBLOCK on stdio, and close-on-exec on the
 * fds to keep (the pod lock). Returns only on failure, with -errno.
 */
static napi_value js_execve(napi_env env, napi_callback_info info) {
  napi_value argv[MAX_ARGS];
  char path[4096];
  size_t len;
  if (get_args(env, info, 4, argv)) return NULL;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof path, &len) != napi_ok || len >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "path too long");
    return NULL;
  }
  char **args = string_array(env, argv[1]);
  char **envp = string_array(env, argv[2]);
  uint32_t nkeep;
  if (!args || !envp || napi_get_array_length(env, argv[3], &nkeep) != napi_ok) {
    napi_throw_type_error(env, NULL, "bad argv, envp or keepFds");
    return NULL;
  }
  /* Each entry is an fd to keep, or [from, to]: keep `from` as fd `to` (dup2 leaves `to` without
   * close-on-exec). Shells only name fds 0-9, so a lock fd handed to a sh script is moved low. */
  for (uint32_t i = 0; i < nkeep; i++) {
    napi_value v;
    bool is_pair;
    int32_t fd, to = -1;
    napi_get_element(env, argv[3], i, &v);
    napi_is_array(env, v, &is_pair);
    if (is_pair) {
      napi_value from_v, to_v;
      napi_get_element(env, v, 0, &from_v);
      napi_get_element(env, v, 1, &to_v);
      napi_get_value_int32(env, from_v, &fd);
      napi_get_value_int32(env, to_v, &to);
      if (fd != to) {
        if (dup2(fd, to) < 0) return result(env, -1);
        continue;
      }
    } else {
      napi_get_value_int32(env, v, &fd);
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0) return result(env, -1);
  }
  /* Node marks its stdio close-on-exec and may have made it non-blocking. */
  for (int fd = 0; fd <= 2; fd++) {
    int fd_flags = fcntl(fd, F_GETFD);
    if (fd_flags >= 0 && (fd_flags & FD_CLOEXEC)) fcntl(fd, F_SETFD, fd_flags & ~FD_CLOEXEC);
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0 && (fl & O_NONBLOCK)) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  }
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; sig++) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) sigaction(sig, &dfl, NULL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  execve(path, args, envp);
  return result(env, -1);
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"flock", NULL, js_flock, NULL, NULL, NULL, napi_default, NULL},
      {"mknod", NULL, js_mknod, NULL, NULL, NULL, napi_default, NULL},
      {"syncfs", NULL, js_syncfs, NULL, NULL, NULL, napi_default, NULL},
      {"execve", NULL, js_execve, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
