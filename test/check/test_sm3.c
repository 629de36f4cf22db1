/*
 * test_sm3.c — Check tests of src/core/sm3.c, the SM3 hash
 * (GB/T 32905-2016).  Inputs are hashed from malloc'd copies of exactly
 * the input length, so valgrind (make valgrind) catches any read past len.
 */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "sm3.h"

/* Length of the pattern message used by the streaming tests. */
#define PAT_LEN 200

/* Byte i of the pattern message (all 256 values occur, no period of 64). */
static unsigned char
pat_byte(size_t i)
{
	return (unsigned char) (i * 37U + 11U);
}

/* Exact-size heap copy of len bytes (never NULL; caller frees). */
static unsigned char *
heap_copy(const void *src, size_t len)
{
	unsigned char *copy = malloc(len ? len : 1);

	ck_assert_ptr_nonnull(copy);
	if (len)
		memcpy(copy, src, len);
	return copy;
}

/* Exact-size heap buffer holding the first len pattern bytes. */
static unsigned char *
heap_pattern(size_t len)
{
	unsigned char *buf = malloc(len ? len : 1);
	size_t		i;

	ck_assert_ptr_nonnull(buf);
	for (i = 0; i < len; i++)
		buf[i] = pat_byte(i);
	return buf;
}

/* One-shot hex digest of len bytes of s, hashed from an exact-size copy. */
static void
sm3_hex_n(const void *s, size_t len, char hex[65])
{
	unsigned char *copy = heap_copy(s, len);
	unsigned char d[32];

	bj_sm3(copy, len, d);
	free(copy);
	bj_sm3_hex(d, hex);
}

/* Streaming digest of data[0..len) fed in chunks of at most chunk bytes. */
static void
sm3_chunked(const unsigned char *data, size_t len, size_t chunk,
			unsigned char out[32])
{
	bj_sm3_ctx	ctx;
	size_t		off = 0;

	bj_sm3_init(&ctx);
	while (off < len)
	{
		size_t		n = len - off < chunk ? len - off : chunk;

		bj_sm3_update(&ctx, data + off, n);
		off += n;
	}
	bj_sm3_final(&ctx, out);
}

/* --- published test vectors ------------------------------------------- */

/* GB/T 32905-2016 Appendix A, and the digest of the empty message. */
static const struct
{
	const char *msg;
	const char *hex;
}			std_vectors[] = {
	/* Appendix A, example 1: "abc" (24 bits, one block). */
	{"abc",
	"66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
	/* Appendix A, example 2: "abcd" x 16 (512 bits, two blocks). */
	{"abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd",
	"debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"},
	/* Empty message (padding block only). */
	{"",
	"1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b"},
};

#define N_STD_VECTORS (sizeof(std_vectors) / sizeof(std_vectors[0]))

/* One-shot bj_sm3 matches each standard vector (looped test, _i). */
START_TEST(standard_vectors_oneshot)
{
	char		hex[65];

	sm3_hex_n(std_vectors[_i].msg, strlen(std_vectors[_i].msg), hex);
	ck_assert_str_eq(hex, std_vectors[_i].hex);
}
END_TEST

/* Byte-at-a-time streaming matches each standard vector (looped, _i). */
START_TEST(standard_vectors_streaming)
{
	size_t		len = strlen(std_vectors[_i].msg);
	unsigned char *copy = heap_copy(std_vectors[_i].msg, len);
	unsigned char d[32];
	char		hex[65];

	sm3_chunked(copy, len, 1, d);
	free(copy);
	bj_sm3_hex(d, hex);
	ck_assert_str_eq(hex, std_vectors[_i].hex);
}
END_TEST

/*
 * Pattern-message digests at the padding boundaries (55/56: length field
 * fits or not; 63/64/65: block edge; 119/120, 127..130: second block).
 * Values computed with OpenSSL 3.0 `openssl dgst -sm3` and Python
 * hashlib ('sm3'), which agreed; an independent cross-check of §5.2.
 */
static const struct
{
	size_t		len;
	const char *hex;
}			pat_vectors[] = {
	{1, "94e15974646a3e2d4b3325dbbed3a83eb4a563bdf49dffc08cc1bcf279518c6b"},
	{55, "7c3597ba1ba56c819e47c89cf4234d7af5d5a47a22047e6e365f53b53fdb532d"},
	{56, "f8689fcad16dafeefca9793a384229136b08fefdf8e348bf69dc373ceb0bd953"},
	{63, "a093b74bb0b1c68661ee6167263b405124efbaafe458545ddb6b794660e93f84"},
	{64, "2c1eb95e250c93d09a2a614a0fd73a274d95b6d4f22e354d15f46bf15fc1a6f8"},
	{65, "5623575446d354069551fd0c19820f87366fb1023124ce406d579faa2a2b4c21"},
	{119, "302bcc76a7f40e5792f6fb5a4d996d7376c3dc418afb063497fc25ffb1281abf"},
	{120, "459ab6855f381c37317d288e3b3912214dfd01ff636830b2cb28970e4a42e45e"},
	{127, "db048dd576d08e3dfde18030842f00ecfba5c5b8ccde0a3f488286fedc6880a6"},
	{128, "9a30fd9e76b6d1530f29f5b8161213d9ee835fa8874254da427e048d178a5df9"},
	{129, "9ded85846706fa0f8eb630f871e3e326e35c1f3ad42d5404ebed5925672f7b89"},
	{130, "99f6b93d6e8afe0189406a555b1771f12ad38ebf5e3e2427cf3f1b7ab0a28d56"},
	{200, "4c577c5b362b8c5d1071480fef20ba9ddd3cbe148ae9cf1e8896f8e7781544d9"},
};

#define N_PAT_VECTORS (sizeof(pat_vectors) / sizeof(pat_vectors[0]))

/* bj_sm3 of the pattern prefix matches the cross-checked digest (_i). */
START_TEST(pattern_boundary_vectors)
{
	unsigned char *buf = heap_pattern(pat_vectors[_i].len);
	unsigned char d[32];
	char		hex[65];

	bj_sm3(buf, pat_vectors[_i].len, d);
	free(buf);
	bj_sm3_hex(d, hex);
	ck_assert_str_eq(hex, pat_vectors[_i].hex);
}
END_TEST

/* --- streaming vs one-shot --------------------------------------------- */

/* Every split point k of the 200-byte message: update(k) + update(rest). */
START_TEST(split_points_200)
{
	unsigned char *buf = heap_pattern(PAT_LEN);
	unsigned char ref[32];
	size_t		k;

	bj_sm3(buf, PAT_LEN, ref);
	for (k = 0; k <= PAT_LEN; k++)
	{
		bj_sm3_ctx	ctx;
		unsigned char d[32];

		bj_sm3_init(&ctx);
		bj_sm3_update(&ctx, buf, k);
		bj_sm3_update(&ctx, buf + k, PAT_LEN - k);
		bj_sm3_final(&ctx, d);
		ck_assert_msg(memcmp(d, ref, 32) == 0, "split at %zu differs", k);
	}
	free(buf);
}
END_TEST

/* Every pair of split points (j <= k) of the 200-byte message, 3 updates. */
START_TEST(split_pairs_200)
{
	unsigned char *buf = heap_pattern(PAT_LEN);
	unsigned char ref[32];
	size_t		j,
				k;

	bj_sm3(buf, PAT_LEN, ref);
	for (j = 0; j <= PAT_LEN; j++)
		for (k = j; k <= PAT_LEN; k++)
		{
			bj_sm3_ctx	ctx;
			unsigned char d[32];

			bj_sm3_init(&ctx);
			bj_sm3_update(&ctx, buf, j);
			bj_sm3_update(&ctx, buf + j, k - j);
			bj_sm3_update(&ctx, buf + k, PAT_LEN - k);
			bj_sm3_final(&ctx, d);
			ck_assert_msg(memcmp(d, ref, 32) == 0,
						  "splits at %zu, %zu differ", j, k);
		}
	free(buf);
}
END_TEST

/* Chunk sizes used for lengths 0..130 (1 byte up to more than 2 blocks). */
static const size_t chunk_sizes[] = {1, 2, 3, 7, 31, 55, 56, 63, 64, 65, 119, 120, 131};

/* Lengths 0..130 (looped, _i = len): every chunk size equals one-shot. */
START_TEST(lengths_0_130_chunked)
{
	size_t		len = (size_t) _i;
	unsigned char *buf = heap_pattern(len);
	unsigned char ref[32];
	size_t		c;

	bj_sm3(buf, len, ref);
	for (c = 0; c < sizeof(chunk_sizes) / sizeof(chunk_sizes[0]); c++)
	{
		unsigned char d[32];

		sm3_chunked(buf, len, chunk_sizes[c], d);
		ck_assert_msg(memcmp(d, ref, 32) == 0,
					  "len %zu chunk %zu differs", len, chunk_sizes[c]);
	}
	free(buf);
}
END_TEST

/* Distinct lengths give distinct digests (no padding collision 0..130). */
START_TEST(lengths_0_130_distinct)
{
	unsigned char *buf = heap_pattern(130);
	unsigned char d[131][32];
	size_t		i,
				j;

	for (i = 0; i <= 130; i++)
		bj_sm3(buf, i, d[i]);
	for (i = 0; i <= 130; i++)
		for (j = i + 1; j <= 130; j++)
			ck_assert_msg(memcmp(d[i], d[j], 32) != 0,
						  "lengths %zu and %zu collide", i, j);
	free(buf);
}
END_TEST

/* --- one million 'a' ----------------------------------------------------- */

#define MILLION 1000000

/* SM3 of 1,000,000 x 'a'; agrees with OpenSSL 3.0 and Python hashlib. */
static const char million_a_hex[] =
"c8aaf89429554029e231941a2acc0ad61ff2a5acd8fadd25847a3a732b3b02c3";

/* One-shot and 1/7/4096-byte streaming of 10^6 'a' all give the value. */
START_TEST(million_a)
{
	unsigned char *buf = malloc(MILLION);
	unsigned char ref[32];
	unsigned char d[32];
	char		hex[65];
	static const size_t chunks[] = {1, 7, 4096};
	size_t		c;

	ck_assert_ptr_nonnull(buf);
	memset(buf, 'a', MILLION);
	bj_sm3(buf, MILLION, ref);
	bj_sm3_hex(ref, hex);
	ck_assert_str_eq(hex, million_a_hex);
	for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++)
	{
		sm3_chunked(buf, MILLION, chunks[c], d);
		ck_assert_msg(memcmp(d, ref, 32) == 0, "chunk %zu differs", chunks[c]);
	}
	free(buf);
}
END_TEST

/* --- API details --------------------------------------------------------- */

/* Zero-length updates (NULL data allowed) change nothing. */
START_TEST(empty_updates)
{
	bj_sm3_ctx	ctx;
	unsigned char d[32];
	char		hex[65];

	bj_sm3_init(&ctx);
	bj_sm3_update(&ctx, NULL, 0);
	bj_sm3_update(&ctx, "a", 1);
	bj_sm3_update(&ctx, NULL, 0);
	bj_sm3_update(&ctx, "bc", 2);
	bj_sm3_update(&ctx, "", 0);
	bj_sm3_final(&ctx, d);
	bj_sm3_hex(d, hex);
	ck_assert_str_eq(hex, std_vectors[0].hex);

	bj_sm3(NULL, 0, d);
	bj_sm3_hex(d, hex);
	ck_assert_str_eq(hex, std_vectors[2].hex);
}
END_TEST

/* A context re-inited after final (and a dirty one) hashes afresh. */
START_TEST(reinit_reuse)
{
	bj_sm3_ctx	ctx;
	unsigned char d[32];
	char		hex[65];

	memset(&ctx, 0xA5, sizeof(ctx));
	bj_sm3_init(&ctx);
	bj_sm3_update(&ctx, "abc", 3);
	bj_sm3_final(&ctx, d);
	bj_sm3_init(&ctx);
	bj_sm3_update(&ctx, "abc", 3);
	bj_sm3_final(&ctx, d);
	bj_sm3_hex(d, hex);
	ck_assert_str_eq(hex, std_vectors[0].hex);
}
END_TEST

/* bj_sm3_hex: lower-case, byte order kept, NUL at 64. */
START_TEST(hex_format)
{
	unsigned char d[32];
	char		hex[65];
	int			i;

	for (i = 0; i < 32; i++)
		d[i] = (unsigned char) (i * 8 + 7);
	memset(hex, 'X', sizeof(hex));
	bj_sm3_hex(d, hex);
	ck_assert_int_eq(hex[64], '\0');
	ck_assert_str_eq(hex,
					 "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");
}
END_TEST

/* The SM3 suite. */
Suite *
sm3_suite(void)
{
	Suite	   *s = suite_create("sm3");
	TCase	   *tc;

	tc = tcase_create("vectors");
	tcase_add_loop_test(tc, standard_vectors_oneshot, 0, (int) N_STD_VECTORS);
	tcase_add_loop_test(tc, standard_vectors_streaming, 0, (int) N_STD_VECTORS);
	tcase_add_loop_test(tc, pattern_boundary_vectors, 0, (int) N_PAT_VECTORS);
	suite_add_tcase(s, tc);

	tc = tcase_create("streaming");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, split_points_200);
	tcase_add_test(tc, split_pairs_200);
	tcase_add_loop_test(tc, lengths_0_130_chunked, 0, 131);
	tcase_add_test(tc, lengths_0_130_distinct);
	suite_add_tcase(s, tc);

	tc = tcase_create("million");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, million_a);
	suite_add_tcase(s, tc);

	tc = tcase_create("api");
	tcase_add_test(tc, empty_updates);
	tcase_add_test(tc, reinit_reuse);
	tcase_add_test(tc, hex_format);
	suite_add_tcase(s, tc);

	return s;
}
