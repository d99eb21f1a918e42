// SHA-256 as specified in FIPS 180-4: a portable block function, and one over the x86 SHA
// extensions (SHA-NI) chosen at run time. Checked against the NIST vectors and swift-crypto in
// Tests/PedigreeSQLiteTests/SHA256Tests.swift.

#include "csha256.h"

#include <string.h>

static const uint32_t K[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/// The portable compression of `count` 64-byte blocks.
static void blocks_portable(uint32_t state[8], const uint8_t *p, size_t count) {
  uint32_t w[64];
  while (count--) {
    for (int t = 0; t < 16; t++) w[t] = load_be32(p + 4 * t);
    for (int t = 16; t < 64; t++) {
      uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
      uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; t++) {
      uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
      uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1;
      d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    p += 64;
  }
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <cpuid.h>
#include <immintrin.h>

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/// Four rounds on the message words `m` (W[4r…4r+3]) with constants K[4r…4r+3].
#define FOUR_ROUNDS(m, r)                                                         \
  do {                                                                            \
    __m128i wk = _mm_add_epi32((m), _mm_loadu_si128((const __m128i *)&K[4 * (r)])); \
    cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                                 \
    abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));        \
  } while (0)

/// The next four message words from the previous sixteen (w0 oldest … w3 newest), into w0.
#define SCHEDULE(w0, w1, w2, w3)                                                  \
  (w0) = _mm_sha256msg2_epu32(                                                    \
    _mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

/// The compression of `count` blocks with the SHA extensions. The instructions keep the state as
/// two vectors, ABEF and CDGH (highest lane first), so it is shuffled in and out of that order.
SHA_TARGET static void blocks_extensions(uint32_t state[8], const uint8_t *p, size_t count) {
  const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
  __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  while (count--) {
    const __m128i abef0 = abef, cdgh0 = cdgh;
    __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 0)), byteswap);
    __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), byteswap);
    __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), byteswap);
    __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), byteswap);
    FOUR_ROUNDS(m0, 0);
    FOUR_ROUNDS(m1, 1);
    FOUR_ROUNDS(m2, 2);
    FOUR_ROUNDS(m3, 3);
    for (int r = 4; r < 16; r += 4) {
      SCHEDULE(m0, m1, m2, m3);
      FOUR_ROUNDS(m0, r);
      SCHEDULE(m1, m2, m3, m0);
      FOUR_ROUNDS(m1, r + 1);
      SCHEDULE(m2, m3, m0, m1);
      FOUR_ROUNDS(m2, r + 2);
      SCHEDULE(m3, m0, m1, m2);
      FOUR_ROUNDS(m3, r + 3);
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
    p += 64;
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

static int detect_extensions(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  int sse = (c & (1u << 9)) && (c & (1u << 19));  // SSSE3, SSE4.1
  if (!sse || !__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  return (b & (1u << 29)) != 0;  // SHA
}
#else
static void blocks_extensions(uint32_t state[8], const uint8_t *p, size_t count) {
  blocks_portable(state, p, count);
}
static int detect_extensions(void) { return 0; }
#endif

/// -1 until the first digest; then whether the CPU has the SHA extensions.
static int extensions = -1;

int pedigree_sha256_uses_cpu_extensions(void) {
  int known = __atomic_load_n(&extensions, __ATOMIC_RELAXED);
  if (known < 0) {
    known = detect_extensions();
    __atomic_store_n(&extensions, known, __ATOMIC_RELAXED);
  }
  return known;
}

void pedigree_sha256_set_cpu_extensions(int enabled) {
  __atomic_store_n(&extensions, enabled && detect_extensions(), __ATOMIC_RELAXED);
}

static void blocks(uint32_t state[8], const uint8_t *p, size_t count) {
  if (pedigree_sha256_uses_cpu_extensions()) {
    blocks_extensions(state, p, count);
  } else {
    blocks_portable(state, p, count);
  }
}

void pedigree_sha256_init(pedigree_sha256_context *context) {
  static const uint32_t initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  memcpy(context->state, initial, sizeof initial);
  context->length = 0;
  context->used = 0;
}

void pedigree_sha256_update(pedigree_sha256_context *context, const void *bytes, size_t count) {
  const uint8_t *p = bytes;
  context->length += count;
  if (context->used > 0) {
    size_t take = 64 - context->used;
    if (take > count) take = count;
    memcpy(context->block + context->used, p, take);
    context->used += take;
    p += take;
    count -= take;
    if (context->used < 64) return;
    blocks(context->state, context->block, 1);
    context->used = 0;
  }
  if (count >= 64) {
    blocks(context->state, p, count / 64);
    p += count & ~(size_t)63;
    count &= 63;
  }
  if (count > 0) {
    memcpy(context->block, p, count);
    context->used = count;
  }
}

void pedigree_sha256_final(pedigree_sha256_context *context, uint8_t out[32]) {
  uint64_t bits = context->length * 8;
  uint8_t pad[72] = {0x80};
  size_t padding = (context->used < 56 ? 56 : 120) - context->used;
  for (int i = 0; i < 8; i++) pad[padding + i] = (uint8_t)(bits >> (56 - 8 * i));
  pedigree_sha256_update(context, pad, padding + 8);
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (uint8_t)(context->state[i] >> 24);
    out[4 * i + 1] = (uint8_t)(context->state[i] >> 16);
    out[4 * i + 2] = (uint8_t)(context->state[i] >> 8);
    out[4 * i + 3] = (uint8_t)context->state[i];
  }
}
