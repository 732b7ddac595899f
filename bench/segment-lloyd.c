/*
 * Single-threaded compiled reference for bench/segment.ts: the same Lloyd iterations
 * (nearest centre by squared Euclidean distance, first on ties; centres to member means;
 * stop when no label changes or after max_iterations) on a row-major double matrix.
 * Usage: segment-lloyd <data.f64> <n> <d> <centres.f64> <k> <max_iterations>
 * Prints: iterations cpu_ms inertia (process CPU time, robust on a shared machine)
 * Built by the bench with `gcc -O2 -o <tmp>/segment-lloyd bench/segment-lloyd.c` when gcc exists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double *read_doubles(const char *path, size_t count) {
  FILE *file = fopen(path, "rb");
  if (!file) { perror(path); exit(1); }
  double *values = malloc(count * sizeof(double));
  if (fread(values, sizeof(double), count, file) != count) { fprintf(stderr, "short read %s\n", path); exit(1); }
  fclose(file);
  return values;
}

int main(int argc, char **argv) {
  if (argc != 7) { fprintf(stderr, "usage: %s data n d centres k max_iterations\n", argv[0]); return 2; }
  size_t n = strtoul(argv[2], 0, 10), d = strtoul(argv[3], 0, 10), k = strtoul(argv[5], 0, 10);
  int max_iterations = atoi(argv[6]);
  double *data = read_doubles(argv[1], n * d);
  double *centres = read_doubles(argv[4], k * d);
  double *sums = malloc(k * d * sizeof(double));
  double *counts = malloc(k * sizeof(double));
  int *labels = malloc(n * sizeof(int));
  for (size_t i = 0; i < n; i++) labels[i] = -1;
  struct timespec start, stop;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
  int iteration = 0;
  double inertia = 0;
  for (iteration = 1; iteration <= max_iterations; iteration++) {
    memset(sums, 0, k * d * sizeof(double));
    memset(counts, 0, k * sizeof(double));
    size_t changed = 0;
    inertia = 0;
    for (size_t i = 0; i < n; i++) {
      const double *x = data + i * d;
      int best = 0;
      double best_distance = 1e300;
      for (size_t c = 0; c < k; c++) {
        const double *centre = centres + c * d;
        double distance = 0;
        for (size_t j = 0; j < d; j++) { double diff = x[j] - centre[j]; distance += diff * diff; }
        if (distance < best_distance) { best_distance = distance; best = (int)c; }
      }
      if (labels[i] != best) { labels[i] = best; changed++; }
      inertia += best_distance;
      counts[best] += 1;
      double *sum = sums + (size_t)best * d;
      for (size_t j = 0; j < d; j++) sum[j] += x[j];
    }
    for (size_t c = 0; c < k; c++)
      if (counts[c] > 0) for (size_t j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j] / counts[c];
    if (changed == 0) break;
  }
  if (iteration > max_iterations) iteration = max_iterations;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &stop);
  double ms = (stop.tv_sec - start.tv_sec) * 1e3 + (stop.tv_nsec - start.tv_nsec) / 1e6;
  printf("%d %.3f %.10g\n", iteration, ms, inertia);
  return 0;
}
