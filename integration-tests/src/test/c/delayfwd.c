/*
 * delayfwd: a userspace link delay for network namespaces on kernels without netem.
 *
 * Creates two TUN devices, IN and OUT (IFF_TUN | IFF_NO_PI, IPv4 and IPv6). Every packet the
 * kernel routes into IN is held for DELAY_MS milliseconds and then written to OUT, where the kernel
 * receives it and routes it again. Policy routing (set up by the caller) sends the packets that
 * should be delayed into IN and routes packets arriving on OUT normally.
 *
 * Routing a forwarded packet twice (into IN, then out of OUT) would cost two TTL decrements, so
 * the forwarder adds 1 to the IPv4 TTL (fixing the header checksum) or the IPv6 hop limit before
 * writing it to OUT: the node still counts as one hop. A locally originated packet is not
 * decremented on its way into IN, so it leaves with its original TTL too.
 *
 * Packets leave in arrival order (the delay is constant). At most QUEUE packets are held (-q,
 * default 4096); more are dropped (counted). Prints "ready IN OUT" on stdout once both devices
 * exist, then runs until SIGTERM/SIGINT (or, with -s, until its stdin closes: the parent that
 * started it went away); on exit prints "stats forwarded=N dropped=M". The devices are not
 * persistent: they vanish with the process.
 *
 * With -r PRIO it asks for SCHED_FIFO at that priority (1..99) so that, on a busy machine, its
 * wake-ups are not queued behind ordinary processes (a late wake-up is extra delay); when the
 * kernel refuses, it says so on stderr and runs with normal scheduling.
 *
 * usage: delayfwd [-s] [-r PRIO] [-q QUEUE] IN OUT DELAY_MS
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define MAX_PACKET 65536

struct held {
  struct timespec due;
  size_t len;
  unsigned char *data;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig) {
  (void)sig;
  stop = 1;
}

static int open_tun(const char *name) {
  int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    fprintf(stderr, "delayfwd: open /dev/net/tun: %s\n", strerror(errno));
    return -1;
  }
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
  if (strlen(name) >= IFNAMSIZ) {
    fprintf(stderr, "delayfwd: device name too long: %s\n", name);
    close(fd);
    return -1;
  }
  strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
  if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
    fprintf(stderr, "delayfwd: TUNSETIFF %s: %s\n", name, strerror(errno));
    close(fd);
    return -1;
  }
  return fd;
}

/* Adds one hop back: IPv4 TTL (checksum recomputed) or IPv6 hop limit, saturating at 255. */
static void restore_hop(unsigned char *p, size_t len) {
  if (len >= 20 && (p[0] >> 4) == 4) {
    size_t ihl = (size_t)(p[0] & 0x0f) * 4;
    if (ihl < 20 || ihl > len || p[8] == 255) {
      return;
    }
    p[8]++;
    p[10] = p[11] = 0;
    uint32_t sum = 0;
    for (size_t i = 0; i < ihl; i += 2) {
      sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    }
    while (sum >> 16) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    uint16_t check = (uint16_t)~sum;
    p[10] = (unsigned char)(check >> 8);
    p[11] = (unsigned char)(check & 0xff);
  } else if (len >= 40 && (p[0] >> 4) == 6 && p[7] < 255) {
    p[7]++;
  }
}

static int64_t ns_until(const struct timespec *due) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (int64_t)(due->tv_sec - now.tv_sec) * 1000000000LL + (due->tv_nsec - now.tv_nsec);
}

int main(int argc, char **argv) {
  char *end;
  long queue = 4096;
  int watch_stdin = 0;
  int opt;
  long rt_priority = 0;
  while ((opt = getopt(argc, argv, "sr:q:")) != -1) {
    if (opt == 's') {
      watch_stdin = 1;
    } else if (opt == 'r') {
      rt_priority = strtol(optarg, &end, 10);
      if (*end != '\0' || rt_priority < 1 || rt_priority > 99) {
        fprintf(stderr, "delayfwd: -r PRIO must be 1..99, was '%s'\n", optarg);
        return 2;
      }
    } else if (opt == 'q') {
      queue = strtol(optarg, &end, 10);
      if (*end != '\0' || queue < 1 || queue > 1000000) {
        fprintf(stderr, "delayfwd: -q QUEUE must be 1..1000000, was '%s'\n", optarg);
        return 2;
      }
    } else {
      optind = argc + 1;
      break;
    }
  }
  if (argc - optind != 3) {
    fprintf(stderr, "usage: delayfwd [-s] [-r PRIO] [-q QUEUE] IN OUT DELAY_MS\n");
    return 2;
  }
  const char *in_name = argv[optind], *out_name = argv[optind + 1];
  double delay_ms = strtod(argv[optind + 2], &end);
  if (*end != '\0' || !(delay_ms >= 0) || delay_ms > 60000) {
    fprintf(stderr, "delayfwd: DELAY_MS must be a number 0..60000, was '%s'\n", argv[optind + 2]);
    return 2;
  }
  if (rt_priority > 0) {
    struct sched_param sp = {.sched_priority = (int)rt_priority};
    if (sched_setscheduler(0, SCHED_FIFO, &sp) != 0) {
      fprintf(stderr, "delayfwd: SCHED_FIFO %ld refused (%s); normal scheduling\n", rt_priority,
              strerror(errno));
    }
  }
  int in = open_tun(in_name);
  int out = in < 0 ? -1 : open_tun(out_name);
  if (in < 0 || out < 0) {
    return 1;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  struct held *ring = calloc((size_t)queue, sizeof *ring);
  unsigned char *buf = malloc(MAX_PACKET);
  if (ring == NULL || buf == NULL) {
    fprintf(stderr, "delayfwd: out of memory\n");
    return 1;
  }
  int64_t delay_ns = (int64_t)(delay_ms * 1e6);
  long head = 0, count = 0;
  unsigned long long forwarded = 0, dropped = 0;
  printf("ready %s %s\n", in_name, out_name);
  fflush(stdout);

  struct pollfd fds[2] = {{.fd = in, .events = POLLIN},
                          {.fd = watch_stdin ? STDIN_FILENO : -1, .events = POLLIN}};
  while (!stop) {
    /* Release everything that is due. */
    while (count > 0 && ns_until(&ring[head].due) <= 0) {
      struct held *h = &ring[head];
      restore_hop(h->data, h->len);
      if (write(out, h->data, h->len) < 0 && errno != EIO) {
        dropped++;
      } else {
        forwarded++;
      }
      free(h->data);
      h->data = NULL;
      head = (head + 1) % queue;
      count--;
    }
    struct timespec timeout, *tp = NULL;
    if (count > 0) {
      int64_t wait = ns_until(&ring[head].due);
      if (wait < 0) {
        wait = 0;
      }
      timeout.tv_sec = (time_t)(wait / 1000000000LL);
      timeout.tv_nsec = (long)(wait % 1000000000LL);
      tp = &timeout;
    }
    int n = ppoll(fds, 2, tp, NULL);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fprintf(stderr, "delayfwd: poll: %s\n", strerror(errno));
      break;
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      char discard[256];
      if (read(STDIN_FILENO, discard, sizeof discard) <= 0) {
        break; /* the parent went away */
      }
    }
    if (fds[0].revents & POLLIN) {
      ssize_t len = read(in, buf, MAX_PACKET);
      if (len <= 0) {
        continue;
      }
      if (count == queue) {
        dropped++;
        continue;
      }
      struct held *h = &ring[(head + count) % queue];
      h->data = malloc((size_t)len);
      if (h->data == NULL) {
        dropped++;
        continue;
      }
      memcpy(h->data, buf, (size_t)len);
      h->len = (size_t)len;
      clock_gettime(CLOCK_MONOTONIC, &h->due);
      int64_t ns = h->due.tv_nsec + delay_ns;
      h->due.tv_sec += (time_t)(ns / 1000000000LL);
      h->due.tv_nsec = (long)(ns % 1000000000LL);
      count++;
    }
  }
  printf("stats forwarded=%llu dropped=%llu\n", forwarded, dropped);
  fflush(stdout);
  return 0;
}
