#ifndef VOLDIR_CSHA256_H
#define VOLDIR_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1), else 0.
int voldir_sha256_has_hardware(void);

/// Compresses `blocks` 64-byte blocks into `state` (a, b, ... h) with the SHA extensions, `k`
/// being SHA-256's 64 round constants. Call only when voldir_sha256_has_hardware() is 1.
void voldir_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);

#endif
