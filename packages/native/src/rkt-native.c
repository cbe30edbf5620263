/*
 * rkt-native: the system calls rkt needs and Node does not offer. Each function returns 0 or a
 * negative errno and never throws; the TypeScript wrapper turns errors into exceptions with context.
 * Keep this file tiny: anything a distribution tool can do belongs in that tool.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <errno.h>
#include <fcntl.h>
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

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"flock", NULL, js_flock, NULL, NULL, NULL, napi_default, NULL},
      {"mknod", NULL, js_mknod, NULL, NULL, NULL, napi_default, NULL},
      {"syncfs", NULL, js_syncfs, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
