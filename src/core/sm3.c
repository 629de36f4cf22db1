/*
 * sm3.c — SM3 cryptographic hash algorithm, GB/T 32905-2016
 * 《信息安全技术 SM3密码杂凑算法》.
 *
 * Backend-free: plain C99 with libc only.
 *
 * Portable: words are assembled from and stored to bytes with shifts
 * (big-endian, as the standard requires), so there are no endianness
 * assumptions and no unaligned loads.  All 32-bit arithmetic is done on
 * uint32_t, where overflow wraps modulo 2^32 as §5.3.3 requires.
 *
 * Message length is limited to < 2^64 bits (§5.2); the byte counter wraps
 * silently beyond 2^61 bytes, which no caller can reach.
 */
#include <string.h>

#include "sm3.h"

/* §4.1 initial value IV. */
static const uint32_t sm3_iv[8] = {
	0x7380166fU, 0x4914b2b9U, 0x172442d7U, 0xda8a0600U,
	0xa96f30bcU, 0x163138aaU, 0xe38dee4dU, 0xb0fb0e4eU
};

/* §4.2 constants T_j: 79cc4519 for 0 <= j <= 15, 7a879d8a for 16..63. */
#define SM3_T_LO	0x79cc4519U
#define SM3_T_HI	0x7a879d8aU

/* 32-bit left rotation by n bits (n taken mod 32; safe for n == 0). */
static uint32_t
rotl32(uint32_t x, unsigned n)
{
	n &= 31U;
	return n == 0 ? x : (uint32_t) ((x << n) | (x >> (32U - n)));
}

/* §4.3 boolean function FF_j. */
static uint32_t
ff_j(uint32_t x, uint32_t y, uint32_t z, int j)
{
	if (j < 16)
		return x ^ y ^ z;
	return (x & y) | (x & z) | (y & z);
}

/* §4.3 boolean function GG_j. */
static uint32_t
gg_j(uint32_t x, uint32_t y, uint32_t z, int j)
{
	if (j < 16)
		return x ^ y ^ z;
	return (x & y) | (~x & z);
}

/* §4.4 permutation P0 (used in compression). */
static uint32_t
p0(uint32_t x)
{
	return x ^ rotl32(x, 9) ^ rotl32(x, 17);
}

/* §4.4 permutation P1 (used in message expansion). */
static uint32_t
p1(uint32_t x)
{
	return x ^ rotl32(x, 15) ^ rotl32(x, 23);
}

/* Big-endian 32-bit load from 4 bytes, byte by byte. */
static uint32_t
load_be32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

/* Big-endian 32-bit store into 4 bytes, byte by byte. */
static void
store_be32(unsigned char *p, uint32_t x)
{
	p[0] = (unsigned char) (x >> 24);
	p[1] = (unsigned char) (x >> 16);
	p[2] = (unsigned char) (x >> 8);
	p[3] = (unsigned char) x;
}

/* §5.3.2 message expansion and §5.3.3 compression CF of one 64-byte block. */
static void
sm3_compress(uint32_t v[8], const unsigned char block[BJ_SM3_BLOCK_LEN])
{
	uint32_t	w[68];
	uint32_t	w1[64];
	uint32_t	a, b, c, d, e, f, g, h;
	uint32_t	ss1, ss2, tt1, tt2;
	int			j;

	/* §5.3.2 a) W0..W15 from the block, big-endian. */
	for (j = 0; j < 16; j++)
		w[j] = load_be32(block + 4 * j);
	/* §5.3.2 b) W16..W67. */
	for (j = 16; j < 68; j++)
		w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl32(w[j - 3], 15)) ^
			rotl32(w[j - 13], 7) ^ w[j - 6];
	/* §5.3.2 c) W'0..W'63. */
	for (j = 0; j < 64; j++)
		w1[j] = w[j] ^ w[j + 4];

	/* §5.3.3 compression function CF. */
	a = v[0];
	b = v[1];
	c = v[2];
	d = v[3];
	e = v[4];
	f = v[5];
	g = v[6];
	h = v[7];
	for (j = 0; j < 64; j++)
	{
		uint32_t	t = j < 16 ? SM3_T_LO : SM3_T_HI;

		ss1 = rotl32(rotl32(a, 12) + e + rotl32(t, (unsigned) j), 7);
		ss2 = ss1 ^ rotl32(a, 12);
		tt1 = ff_j(a, b, c, j) + d + ss2 + w1[j];
		tt2 = gg_j(e, f, g, j) + h + ss1 + w[j];
		d = c;
		c = rotl32(b, 9);
		b = a;
		a = tt1;
		h = g;
		g = rotl32(f, 19);
		f = e;
		e = p0(tt2);
	}
	/* V(i+1) = ABCDEFGH xor V(i). */
	v[0] ^= a;
	v[1] ^= b;
	v[2] ^= c;
	v[3] ^= d;
	v[4] ^= e;
	v[5] ^= f;
	v[6] ^= g;
	v[7] ^= h;
}

/* Start a new hash: load IV (§4.1), empty buffer, zero length. */
void
bj_sm3_init(bj_sm3_ctx *ctx)
{
	memcpy(ctx->v, sm3_iv, sizeof(ctx->v));
	ctx->nbytes = 0;
	ctx->buflen = 0;
	memset(ctx->buf, 0, sizeof(ctx->buf));
}

/* Absorb len bytes: fill the partial block, then compress whole blocks (§5.3.1). */
void
bj_sm3_update(bj_sm3_ctx *ctx, const void *data, size_t len)
{
	const unsigned char *p = data;

	if (len == 0)
		return;
	ctx->nbytes += (uint64_t) len;

	if (ctx->buflen > 0)
	{
		size_t		take = BJ_SM3_BLOCK_LEN - ctx->buflen;

		if (take > len)
			take = len;
		memcpy(ctx->buf + ctx->buflen, p, take);
		ctx->buflen += take;
		p += take;
		len -= take;
		if (ctx->buflen < BJ_SM3_BLOCK_LEN)
			return;
		sm3_compress(ctx->v, ctx->buf);
		ctx->buflen = 0;
	}
	while (len >= BJ_SM3_BLOCK_LEN)
	{
		sm3_compress(ctx->v, p);
		p += BJ_SM3_BLOCK_LEN;
		len -= BJ_SM3_BLOCK_LEN;
	}
	if (len > 0)
	{
		memcpy(ctx->buf, p, len);
		ctx->buflen = len;
	}
}

/* §5.2 padding (1 bit, zeros, 64-bit big-endian bit length), last CF, output. */
void
bj_sm3_final(bj_sm3_ctx *ctx, unsigned char out[32])
{
	uint64_t	nbits = ctx->nbytes << 3;
	int			i;

	ctx->buf[ctx->buflen++] = 0x80;
	if (ctx->buflen > BJ_SM3_BLOCK_LEN - 8)
	{
		memset(ctx->buf + ctx->buflen, 0, BJ_SM3_BLOCK_LEN - ctx->buflen);
		sm3_compress(ctx->v, ctx->buf);
		ctx->buflen = 0;
	}
	memset(ctx->buf + ctx->buflen, 0, BJ_SM3_BLOCK_LEN - 8 - ctx->buflen);
	store_be32(ctx->buf + 56, (uint32_t) (nbits >> 32));
	store_be32(ctx->buf + 60, (uint32_t) nbits);
	sm3_compress(ctx->v, ctx->buf);

	/* §5.4 the hash value y = V(n), big-endian. */
	for (i = 0; i < 8; i++)
		store_be32(out + 4 * i, ctx->v[i]);

	/* Wipe the state; the caller must bj_sm3_init() before reuse. */
	memset(ctx, 0, sizeof(*ctx));
}

/* One-shot SM3 of len bytes of data. */
void
bj_sm3(const void *data, size_t len, unsigned char out[32])
{
	bj_sm3_ctx	ctx;

	bj_sm3_init(&ctx);
	bj_sm3_update(&ctx, data, len);
	bj_sm3_final(&ctx, out);
}

/* Lower-case hex of a 32-byte digest into out (65 bytes, NUL-terminated). */
void
bj_sm3_hex(const unsigned char digest[32], char out[65])
{
	static const char hexd[] = "0123456789abcdef";
	int			i;

	for (i = 0; i < BJ_SM3_DIGEST_LEN; i++)
	{
		out[2 * i] = hexd[digest[i] >> 4];
		out[2 * i + 1] = hexd[digest[i] & 0x0f];
	}
	out[64] = '\0';
}
