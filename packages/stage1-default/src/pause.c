// The pod's pause process: PID 1 of the pod's PID namespace, holding its namespaces while the apps
// come and go. It reaps every orphan and exits 0 on SIGTERM, SIGINT or SIGHUP (as PID 1 it would
// ignore them without handlers). When started with fd 3 open (the read end of the supervisor's
// FIFO), it also exits when the last writer closes it: the supervisor died, even by SIGKILL, and
// the kernel then kills every process of the pod with its PID namespace. Static, so its root needs
// nothing else.
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/wait.h>
#include <unistd.h>

#define WATCHED_FD 3

static void noop(int sig) { (void)sig; }

static int supervisor_gone(void) {
  struct pollfd p = {.fd = WATCHED_FD, .events = POLLIN};
  return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

int main(void) {
  sigset_t set;
  struct sigaction sa;
  int sig = 0;
  int watched = fcntl(WATCHED_FD, F_GETFD) != -1;

  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGIO);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sa.sa_handler = noop;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCHLD, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGIO, &sa, NULL);
  // A pipe wakes its readers with SIGIO when a writer closes it.
  if (watched && (fcntl(WATCHED_FD, F_SETOWN, getpid()) != 0 ||
                  fcntl(WATCHED_FD, F_SETFL, fcntl(WATCHED_FD, F_GETFL) | O_ASYNC | O_NONBLOCK) != 0))
    return 254;
  for (;;) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    if (watched && supervisor_gone()) return 0;
    if (sigwait(&set, &sig) != 0) continue;
    if (sig != SIGCHLD && sig != SIGIO) return 0;
  }
}
