/* exec: the fly stage1's last step before an app runs.
 *   exec --root DIR --wd DIR --uid N --gid N [--groups a,b] [--close-from N] [--parent-death-signal N] -- ARGV...
 * Closes every fd >= close-from (default 3: the pod lock and stray host fds stay outside), resets
 * signal dispositions and mask (sh starts background jobs with SIGINT/SIGQUIT ignored), chroots,
 * enters wd (relative to the new root; appc requires it to exist), sets groups (none without
 * --groups), gid, uid, arranges to receive signal N (default SIGKILL; 0 = none) when its parent
 * dies, so an app never outlives the run entrypoint that supervises it (it holds the pod lock: a
 * pod reads as exited once that process is gone, even by SIGKILL), then execvp's ARGV with the
 * PATH of its environment. Failures: one
 * "stage1: ..." line and 254; a missing program 127, one that cannot be executed 126, like a shell. */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX_GROUPS 65536

static void die(int status, const char *what, const char *arg) {
	fprintf(stderr, "stage1: exec: %s%s%s%s%s\n", what, arg ? " " : "", arg ? arg : "",
		errno ? ": " : "", errno ? strerror(errno) : "");
	exit(status);
}

static unsigned long number(const char *s, unsigned long max, char end_char) {
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end != end_char || *s < '0' || *s > '9' || v > max)
		errno = 0, die(254, "invalid number", s);
	return v;
}

int main(int argc, char **argv) {
	const char *root = NULL, *wd = NULL, *groups = NULL;
	unsigned long uid = -1UL, gid = -1UL, close_from = 3, death_signal = SIGKILL;
	pid_t parent = getppid();
	int i = 1;
	for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val) die(254, "missing value of", opt);
		if (!strcmp(opt, "--root")) root = val;
		else if (!strcmp(opt, "--wd")) wd = val;
		else if (!strcmp(opt, "--uid")) uid = number(val, 4294967294UL, 0);
		else if (!strcmp(opt, "--gid")) gid = number(val, 4294967294UL, 0);
		else if (!strcmp(opt, "--groups")) groups = val;
		else if (!strcmp(opt, "--close-from")) close_from = number(val, 1UL << 30, 0);
		else if (!strcmp(opt, "--parent-death-signal")) death_signal = number(val, NSIG - 1, 0);
		else die(254, "unknown option", opt);
	}
	if (!root || !wd || uid == -1UL || gid == -1UL || close_from < 3 || i + 1 >= argc)
		die(254, "usage: exec --root DIR --wd DIR --uid N --gid N [--groups a,b] [--close-from N] -- ARGV...", NULL);
	static gid_t list[MAX_GROUPS];
	size_t n = 0;
	for (const char *p = groups; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : "") {
		if (n == MAX_GROUPS) die(254, "too many groups", NULL);
		list[n++] = (gid_t)number(p, 4294967294UL, strchr(p, ',') ? ',' : 0);
	}
	if (syscall(SYS_close_range, (unsigned)close_from, ~0U, 0) != 0) {
		struct rlimit rl = {1024, 1024};
		getrlimit(RLIMIT_NOFILE, &rl);
		for (unsigned long fd = close_from; fd < rl.rlim_cur; fd++) close((int)fd);
	}
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
	errno = 0;
	if (chroot(root) != 0) die(254, "chroot", root);
	if (chdir("/") != 0 || chdir(wd) != 0) die(254, "working directory", wd);
	if (setgroups(n, list) != 0) die(254, "setgroups", groups);
	if (setgid((gid_t)gid) != 0) die(254, "setgid", NULL);
	if (setuid((uid_t)uid) != 0) die(254, "setuid", NULL);
	/* after the id changes, which clear it; a parent that died before this leaves us reparented */
	if (death_signal && (prctl(PR_SET_PDEATHSIG, death_signal) != 0 || getppid() != parent))
		die(254, "parent-death signal", NULL);
	execvp(argv[i + 1], argv + i + 1);
	die(errno == ENOENT || errno == ENOTDIR ? 127 : 126, "cannot execute", argv[i + 1]);
	return 0;
}
