// The pod's pause process: PID 1 of the pod's PID namespace, holding its namespaces while the apps
// come and go. It reaps every orphan and exits 0 on SIGTERM, SIGINT or SIGHUP (as PID 1 it would
// ignore them without handlers). Static, so its root needs nothing else.
#include <signal.h>
#include <stddef.h>
#include <sys/wait.h>

static void noop(int sig) { (void)sig; }

int main(void) {
  sigset_t set;
  struct sigaction sa;
  int sig = 0;

  sigemptyset(&set);
  sigaddset(&set, SIGCHLD);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sa.sa_handler = noop;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCHLD, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  for (;;) {
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    if (sigwait(&set, &sig) != 0) continue;
    if (sig != SIGCHLD) return 0;
  }
}
