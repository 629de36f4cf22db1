/*
 * sm3.h — SM3 cryptographic hash (GB/T 32905-2016), 256-bit digest,
 * with a streaming (init / update / final) API.
 *
 * Backend-free: plain C99 with libc only, no postgres.h.
 */
#ifndef BJ_SM3_H
#define BJ_SM3_H

#include <stddef.h>
#include <stdint.h>

#define BJ_SM3_DIGEST_LEN	32	/* bytes in a digest */
#define BJ_SM3_BLOCK_LEN	64	/* bytes in a message block (512 bits) */

/* Streaming state; constant size, no heap.  Treat the fields as private. */
typedef struct bj_sm3_ctx
{
	uint32_t	v[8];			/* chaining value V(i), §5.3.1 */
	uint64_t	nbytes;			/* message bytes consumed so far */
	unsigned char buf[BJ_SM3_BLOCK_LEN];	/* partial block */
	size_t		buflen;			/* bytes in buf, always < 64 */
} bj_sm3_ctx;

/* Start a new hash: load IV (GB/T 32905-2016 §4.1). */
void		bj_sm3_init(bj_sm3_ctx *ctx);

/* Absorb len bytes of data (data may be NULL when len is 0). */
void		bj_sm3_update(bj_sm3_ctx *ctx, const void *data, size_t len);

/* Pad, finish and write the 32-byte digest; ctx must be re-inited to reuse. */
void		bj_sm3_final(bj_sm3_ctx *ctx, unsigned char out[32]);

/* One-shot: the SM3 digest of len bytes of data. */
void		bj_sm3(const void *data, size_t len, unsigned char out[32]);

/* Lower-case hex of a digest: 64 hex digits and a NUL. */
void		bj_sm3_hex(const unsigned char digest[32], char out[65]);

#endif							/* BJ_SM3_H */
