/*
 * matcher.c — Aho–Corasick multi-pattern matcher over bytes (see
 * matcher.h for the contract).
 *
 * Backend-free: plain C99 with libc only.
 *
 * Construction
 *   add:   a byte trie, children kept as sibling lists (node 0 is the
 *          root; 0 also means "no child / no sibling", since the root is
 *          never anyone's child).  Folded bytes are stored lower case.
 *   build: bytes are mapped to classes: every byte that occurs in some
 *          pattern gets a class of its own (A-Z shares the class of a-z
 *          when folding), every other byte shares class 0.  A breadth-
 *          first walk computes failure links and fills the complete DFA
 *          table delta[state][class] (the row of a state starts as the row
 *          of its failure state, then its own children override), so
 *          matching never follows a failure link.  Each state also gets
 *          its output: itself if a pattern ends there, else the nearest
 *          state on its failure chain where one ends (the dictionary
 *          link); following dictionary links from there lists every
 *          pattern ending at this position, longest first.
 *   Table cells hold the target's row offset (state × classes) with bit
 *   31 set when the target has an output, so the hot loop is one load
 *   and one test per byte.  An automaton of fewer than 32768 states
 *   (the 第十一条 dictionary: about 9000) gets 16-bit cells instead: the
 *   target's state number with bit 15 set when it has an output, rows
 *   of a power-of-two stride (a shift, not a multiplication, per byte).
 *   Half the bytes per cell keeps more of the table in the caches,
 *   which is what a scan waits on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "utf8.h"

#define OUT_FLAG	((uint32_t) 1 << 31)
#define NO_STATE	((uint32_t) 0)
#define OUT_FLAG16	((uint16_t) 0x8000)
#define MAX_STATES16	0x8000	/* states numbered in 15 bits */

/* A trie node / automaton state. */
typedef struct mnode
{
	uint32_t	first_child;	/* 0: none */
	uint32_t	next_sibling;	/* 0: none */
	uint32_t	depth;			/* bytes from the root = pattern length */
	uint32_t	out;			/* output state (see above), 0: none */
	int			id;				/* caller's id if terminal */
	unsigned char byte;			/* label of the edge from the parent */
	unsigned char terminal;		/* a pattern ends here */
} mnode;

struct bj_matcher
{
	void	   *(*alloc) (size_t);
	void		(*dealloc) (void *);
	int			fold;			/* BJ_MATCHER_FOLD_ASCII */
	int			built;			/* 0 adding, 1 built, -1 build failed */
	size_t		npatterns;
	mnode	   *nodes;
	uint32_t	nnodes;
	uint32_t	cap;
	uint32_t	nclasses;
	uint16_t	cls[256];		/* byte → class */
	uint32_t   *delta;			/* nnodes × nclasses cells, or NULL when: */
	uint16_t   *delta16;		/* nnodes rows of 1 << shift cells */
	uint32_t	shift;
};

static void *
std_alloc(size_t n)
{
	return malloc(n);
}

static void
std_dealloc(void *p)
{
	free(p);
}

bj_matcher *
bj_matcher_new(void)
{
	return bj_matcher_new_with(std_alloc, std_dealloc);
}

bj_matcher *
bj_matcher_new_with(void *(*alloc) (size_t), void (*dealloc) (void *))
{
	bj_matcher *m;

	if (alloc == NULL || dealloc == NULL)
		return NULL;
	m = alloc(sizeof(*m));
	if (m == NULL)
		return NULL;
	memset(m, 0, sizeof(*m));
	m->alloc = alloc;
	m->dealloc = dealloc;
	m->cap = 64;
	m->nodes = alloc(sizeof(mnode) * m->cap);
	if (m->nodes == NULL)
	{
		dealloc(m);
		return NULL;
	}
	memset(&m->nodes[0], 0, sizeof(mnode));
	m->nnodes = 1;
	return m;
}

int
bj_matcher_set_fold(bj_matcher *m, int flags)
{
	if (m == NULL || (flags & ~BJ_MATCHER_FOLD_ASCII) != 0)
		return BJ_MATCHER_EINVAL;
	if (m->built != 0 || m->nnodes > 1)
		return BJ_MATCHER_ESTATE;
	m->fold = (flags & BJ_MATCHER_FOLD_ASCII) != 0;
	return BJ_MATCHER_OK;
}

size_t
bj_matcher_count(const bj_matcher *m)
{
	return m ? m->npatterns : 0;
}


static unsigned char
fold_byte(const bj_matcher *m, unsigned char b)
{
	if (m->fold && b >= 'A' && b <= 'Z')
		return (unsigned char) (b - 'A' + 'a');
	return b;
}

/* Make room for extra more nodes; 0 on success. */
static int
reserve_nodes(bj_matcher *m, size_t extra)
{
	size_t		need = (size_t) m->nnodes + extra;
	size_t		ncap;
	mnode	   *nn;

	if (need <= m->cap)
		return 0;
	/* states must stay addressable in 31 bits of a table cell */
	if (need > (size_t) INT32_MAX)
		return -1;
	ncap = m->cap;
	while (ncap < need)
		ncap = ncap * 2;
	if (ncap > (size_t) INT32_MAX)
		ncap = (size_t) INT32_MAX;
	nn = m->alloc(sizeof(mnode) * ncap);
	if (nn == NULL)
		return -1;
	memcpy(nn, m->nodes, sizeof(mnode) * m->nnodes);
	m->dealloc(m->nodes);
	m->nodes = nn;
	m->cap = (uint32_t) ncap;
	return 0;
}

/* Child of s labelled b, or 0. */
static uint32_t
child_of(const bj_matcher *m, uint32_t s, unsigned char b)
{
	uint32_t	c;

	for (c = m->nodes[s].first_child; c != 0; c = m->nodes[c].next_sibling)
		if (m->nodes[c].byte == b)
			return c;
	return 0;
}

int
bj_matcher_add(bj_matcher *m, const char *pattern, size_t len, int id)
{
	const unsigned char *p = (const unsigned char *) pattern;
	uint32_t	s = 0;
	size_t		i;

	if (m == NULL || (pattern == NULL && len > 0))
		return BJ_MATCHER_EINVAL;
	if (m->built != 0)
		return BJ_MATCHER_ESTATE;
	if (len == 0)
		return BJ_MATCHER_EEMPTY;
	if (!bj_utf8_valid(p, len))
		return BJ_MATCHER_EUTF8;
	/* room for the whole path first, so failure leaves the trie as it was */
	if (len > (size_t) INT32_MAX || reserve_nodes(m, len) != 0)
		return BJ_MATCHER_ENOMEM;
	for (i = 0; i < len; i++)
	{
		unsigned char b = fold_byte(m, p[i]);
		uint32_t	c = child_of(m, s, b);

		if (c == 0)
		{
			mnode	   *n = &m->nodes[m->nnodes];

			memset(n, 0, sizeof(*n));
			n->byte = b;
			n->depth = m->nodes[s].depth + 1;
			n->next_sibling = m->nodes[s].first_child;
			c = m->nnodes++;
			m->nodes[s].first_child = c;
		}
		s = c;
	}
	if (m->nodes[s].terminal)
		return BJ_MATCHER_DUPLICATE;
	m->nodes[s].terminal = 1;
	m->nodes[s].id = id;
	m->npatterns++;
	return BJ_MATCHER_OK;
}

int
bj_matcher_build(bj_matcher *m)
{
	uint32_t   *queue;
	uint32_t   *fail;
	uint32_t	head = 0;
	uint32_t	tail = 0;
	uint32_t	nc;
	size_t		cells;
	size_t		i;
	int			used[256];

	if (m == NULL)
		return BJ_MATCHER_EINVAL;
	if (m->built != 0)
		return BJ_MATCHER_ESTATE;
	m->built = -1;

	/* byte classes: one per byte used by a pattern, 0 for the rest */
	memset(used, 0, sizeof(used));
	for (i = 1; i < m->nnodes; i++)
		used[m->nodes[i].byte] = 1;
	nc = 1;
	for (i = 0; i < 256; i++)
		m->cls[i] = used[i] ? (uint16_t) nc++ : 0;
	if (m->fold)
		for (i = 'A'; i <= 'Z'; i++)
			m->cls[i] = m->cls[i - 'A' + 'a'];
	m->nclasses = nc;

	cells = (size_t) m->nnodes * nc;
	if (cells > BJ_MATCHER_MAX_CELLS || cells > (size_t) INT32_MAX)
		return BJ_MATCHER_ETOOBIG;
	m->delta = m->alloc(sizeof(uint32_t) * cells);
	queue = m->alloc(sizeof(uint32_t) * m->nnodes);
	fail = m->alloc(sizeof(uint32_t) * m->nnodes);
	if (m->delta == NULL || queue == NULL || fail == NULL)
	{
		if (queue)
			m->dealloc(queue);
		if (fail)
			m->dealloc(fail);
		if (m->delta)
			m->dealloc(m->delta);
		m->delta = NULL;
		return BJ_MATCHER_ENOMEM;
	}

	/* the root: its children, everything else back to the root */
	memset(m->delta, 0, sizeof(uint32_t) * nc);
	fail[0] = 0;
	m->nodes[0].out = NO_STATE;
	queue[tail++] = 0;
	while (head < tail)
	{
		uint32_t	s = queue[head++];
		uint32_t   *row = m->delta + (size_t) s * nc;
		uint32_t	c;

		if (s != 0)
		{
			/* fail[s] is shallower, so its row is complete */
			memcpy(row, m->delta + (size_t) fail[s] * nc,
				   sizeof(uint32_t) * nc);
		}
		for (c = m->nodes[s].first_child; c != 0; c = m->nodes[c].next_sibling)
		{
			uint32_t	k = m->cls[m->nodes[c].byte];
			uint32_t	f = s == 0 ? 0 : m->delta[(size_t) fail[s] * nc + k];

			fail[c] = f;
			m->nodes[c].out = m->nodes[f].terminal ? f : m->nodes[f].out;
			row[k] = c;
			queue[tail++] = c;
		}
	}

	if (m->nnodes <= MAX_STATES16)
	{
		/* 16-bit cells: the target state, flagged if it has an output */
		uint32_t	shift = 0;
		uint16_t   *d16;

		while (((uint32_t) 1 << shift) < nc)
			shift++;
		d16 = m->alloc(sizeof(uint16_t) * ((size_t) m->nnodes << shift));
		if (d16 == NULL)
		{
			m->dealloc(queue);
			m->dealloc(fail);
			m->dealloc(m->delta);
			m->delta = NULL;
			return BJ_MATCHER_ENOMEM;
		}
		{
			memset(d16, 0, sizeof(uint16_t) * ((size_t) m->nnodes << shift));
			for (i = 0; i < cells; i++)
			{
				uint32_t	t = m->delta[i];
				uint16_t	v = (uint16_t) t;

				if (m->nodes[t].terminal || m->nodes[t].out != NO_STATE)
					v |= OUT_FLAG16;
				d16[((i / nc) << shift) + i % nc] = v;
			}
			m->dealloc(m->delta);
			m->delta = NULL;
			m->delta16 = d16;
			m->shift = shift;
			m->dealloc(queue);
			m->dealloc(fail);
			m->built = 1;
			return BJ_MATCHER_OK;
		}
	}

	/* cells: row offset of the target, flagged if it has an output */
	for (i = 0; i < cells; i++)
	{
		uint32_t	t = m->delta[i];
		uint32_t	v = t * nc;

		if (m->nodes[t].terminal || m->nodes[t].out != NO_STATE)
			v |= OUT_FLAG;
		m->delta[i] = v;
	}
	m->dealloc(queue);
	m->dealloc(fail);
	m->built = 1;
	return BJ_MATCHER_OK;
}

/* State of the longest pattern ending in (flagged) state s. */
static uint32_t
first_output(const bj_matcher *m, uint32_t s)
{
	return m->nodes[s].terminal ? s : m->nodes[s].out;
}

static void
fill_match(const bj_matcher *m, uint32_t o, size_t end, bj_match *out)
{
	out->id = m->nodes[o].id;
	out->len = m->nodes[o].depth;
	out->start = end - out->len;
}

int
bj_matcher_find(const bj_matcher *m, const char *text, size_t len,
				bj_match *out)
{
	const unsigned char *p = (const unsigned char *) text;
	const uint16_t *cls;
	size_t		i;

	if (m == NULL || m->built != 1 || text == NULL)
		return 0;
	cls = m->cls;
	if (m->delta16 != NULL)
	{
		const uint16_t *d16 = m->delta16;
		uint32_t	shift = m->shift;
		uint32_t	s = 0;

		for (i = 0; i < len; i++)
		{
			s = d16[((size_t) (s & ~(uint32_t) OUT_FLAG16) << shift) + cls[p[i]]];
			if (s & OUT_FLAG16)
			{
				if (out)
					fill_match(m, first_output(m, s & ~(uint32_t) OUT_FLAG16), i + 1, out);
				return 1;
			}
		}
	}
	else
	{
		const uint32_t *delta = m->delta;
		uint32_t	v = 0;

		for (i = 0; i < len; i++)
		{
			v = delta[(v & ~OUT_FLAG) + cls[p[i]]];
			if (v & OUT_FLAG)
			{
				if (out)
					fill_match(m, first_output(m, (v & ~OUT_FLAG) / m->nclasses),
							   i + 1, out);
				return 1;
			}
		}
	}
	return 0;
}

/* Report the patterns ending at end in state s (flagged); the new count. */
static size_t
report(const bj_matcher *m, uint32_t s, size_t end, bj_match *out, size_t max,
	   size_t n)
{
	uint32_t	o;

	for (o = first_output(m, s); o != NO_STATE; o = m->nodes[o].out)
	{
		if (n < max)
			fill_match(m, o, end, &out[n]);
		n++;
	}
	return n;
}

size_t
bj_matcher_find_all(const bj_matcher *m, const char *text, size_t len,
					bj_match *out, size_t max)
{
	const unsigned char *p = (const unsigned char *) text;
	const uint16_t *cls;
	size_t		n = 0;
	size_t		i;

	if (m == NULL || m->built != 1 || text == NULL)
		return 0;
	if (out == NULL)
		max = 0;
	cls = m->cls;
	if (m->delta16 != NULL)
	{
		const uint16_t *d16 = m->delta16;
		uint32_t	shift = m->shift;
		uint32_t	s = 0;

		for (i = 0; i < len; i++)
		{
			s = d16[((size_t) (s & ~(uint32_t) OUT_FLAG16) << shift) + cls[p[i]]];
			if (s & OUT_FLAG16)
				n = report(m, s & ~(uint32_t) OUT_FLAG16, i + 1, out, max, n);
		}
	}
	else
	{
		const uint32_t *delta = m->delta;
		uint32_t	v = 0;

		for (i = 0; i < len; i++)
		{
			v = delta[(v & ~OUT_FLAG) + cls[p[i]]];
			if (v & OUT_FLAG)
				n = report(m, (v & ~OUT_FLAG) / m->nclasses, i + 1, out, max, n);
		}
	}
	return n;
}

int
bj_matcher_dfa16(const bj_matcher *m, const uint16_t **delta, unsigned *shift,
				 const uint16_t **cls)
{
	if (m == NULL || m->built != 1 || m->delta16 == NULL || delta == NULL ||
		shift == NULL || cls == NULL)
		return 0;
	*delta = m->delta16;
	*shift = m->shift;
	*cls = m->cls;
	return 1;
}

void
bj_matcher_free(bj_matcher *m)
{
	if (m == NULL)
		return;
	if (m->delta)
		m->dealloc(m->delta);
	if (m->delta16)
		m->dealloc(m->delta16);
	if (m->nodes)
		m->dealloc(m->nodes);
	m->dealloc(m);
}
