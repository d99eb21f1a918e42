#ifndef PEDIGREE_CSHA256_H
#define PEDIGREE_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) state: the eight chaining words, a partial block and the message length.
/// Pedigree's own implementation, so the CLI needs neither swift-crypto nor Foundation; it uses
/// the x86 SHA extensions when the CPU has them and portable C otherwise.
typedef struct {
  uint32_t state[8];
  uint64_t length;
  uint8_t block[64];
  size_t used;
} pedigree_sha256_context;

/// Starts a digest.
void pedigree_sha256_init(pedigree_sha256_context *context);
/// Adds `count` bytes at `bytes` (which may be NULL when `count` is 0).
void pedigree_sha256_update(pedigree_sha256_context *context, const void *bytes, size_t count);
/// Pads, writes the 32-byte digest to `out` and leaves the context finished.
void pedigree_sha256_final(pedigree_sha256_context *context, uint8_t out[32]);
/// Whether the SHA extensions path is in use (for tests and the benchmark).
int pedigree_sha256_uses_cpu_extensions(void);
/// Uses the SHA extensions when `enabled` and the CPU has them, else portable C (so tests cover
/// both; both give the same digests, so switching while other threads hash is harmless).
void pedigree_sha256_set_cpu_extensions(int enabled);

#endif
