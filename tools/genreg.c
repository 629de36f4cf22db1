/*
 * genreg.c — generate build artefacts from data/regulation.zh.txt, the
 * text of 毕节市市级信息化项目统筹管理办法(试行) (36 articles, 8 chapters).
 *
 *   genreg header FILE   C header with the number of items per article
 *                        (src/core/regulation_items.h)
 *   genreg sql FILE      INSERT INTO bjxm.regulation … seed rows
 *
 * Input format, one line each (blank lines ignored, CR LF tolerated):
 *   line 1                 the document title (skipped)
 *   第X章 title            start of chapter X (title: spaces removed)
 *   第X条 text             start of article X
 *   (X)text                item X of the current article (ASCII parens)
 * X is a Chinese numeral (src/core/cnnum.c).  Chapters, articles and
 * items must be numbered consecutively from 一; anything else is an error
 * (exit status 1, message on stderr).
 *
 * Heading: if an article's text starts with 1..8 CJK ideographs followed
 * by "。" (e.g. 第一条 "编制目的。"), that phrase is the heading and is
 * removed from the body; otherwise the heading is NULL (e.g. 第三十四条).
 *
 * Links with src/core/cnnum.c only; plain C99 and libc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"

#define MAX_CHAPTERS 20
#define MAX_ITEMS 99

/* One article as read from the text; pointers into the file buffer. */
typedef struct reg_article
{
	int			chapter;		/* 1-based chapter number */
	const char *heading;		/* NULL if none */
	size_t		heading_len;
	const char *text;			/* article text after the heading */
	size_t		text_len;
	int			nitems;
	const char *items[MAX_ITEMS];	/* full item lines, "(一)…" */
	size_t		item_len[MAX_ITEMS];
	size_t		item_prefix[MAX_ITEMS]; /* bytes of "(一)" to skip */
} reg_article;

/* The whole parsed regulation. */
typedef struct reg_text
{
	int			nchapters;
	char		chapter_title[MAX_CHAPTERS + 1][128];
	int			narticles;
	reg_article articles[BJ_ARTICLES + 1];	/* index = article number */
} reg_text;

static const char *input_name;

/* Print a message about line lineno and exit with status 1. */
static void
fail(int lineno, const char *msg)
{
	if (lineno > 0)
		fprintf(stderr, "genreg: %s:%d: %s\n", input_name, lineno, msg);
	else
		fprintf(stderr, "genreg: %s: %s\n", input_name, msg);
	exit(1);
}

/* Read the whole file into a NUL-terminated malloc'd buffer. */
static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf = NULL;
	size_t		cap = 0;
	size_t		n = 0;

	if (f == NULL)
	{
		perror(path);
		exit(1);
	}
	for (;;)
	{
		size_t		got;

		if (cap - n < 4096)
		{
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
			if (buf == NULL)
				fail(0, "out of memory");
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		fail(0, "read error");
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* 1 if s (len bytes) starts with the NUL-terminated prefix. */
static int
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

/* Bytes of ASCII spaces/tabs and U+3000 at the start of s. */
static size_t
skip_spaces(const char *s, size_t len)
{
	size_t		i = 0;

	for (;;)
	{
		if (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else if (starts_with(s + i, len - i, "\xE3\x80\x80"))
			i += 3;
		else
			return i;
	}
}

/*
 * Match "第<numeral><marker>" at the start of the line; returns the
 * numeral (0 if no match) and sets *used to the bytes of the match plus
 * any following spaces.
 */
static int
match_numbered(const char *s, size_t len, const char *marker, size_t *used)
{
	size_t		at;
	size_t		n;
	int			value;

	if (!starts_with(s, len, "第"))
		return 0;
	at = strlen("第");
	value = bj_cn_numeral_parse(s + at, len - at, &n);
	if (value == 0)
		return 0;
	at += n;
	if (!starts_with(s + at, len - at, marker))
		return 0;
	at += strlen(marker);
	at += skip_spaces(s + at, len - at);
	*used = at;
	return value;
}

/* Match "(<numeral>)" at the start of the line; returns it or 0. */
static int
match_item(const char *s, size_t len, size_t *used)
{
	size_t		n;
	int			value;

	if (len < 1 || s[0] != '(')
		return 0;
	value = bj_cn_numeral_parse(s + 1, len - 1, &n);
	if (value == 0 || 1 + n >= len || s[1 + n] != ')')
		return 0;
	*used = n + 2;
	return value;
}

/* Length of the heading phrase (including "。") at s, or 0 if none. */
static size_t
heading_len(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		at = 0;
	int			ideographs = 0;

	/* U+4E00..U+9FFF is E4 B8 80 .. E9 BE BF in UTF-8 */
	while (at + 3 <= len && ideographs <= 8)
	{
		unsigned	cp;

		if (starts_with(s + at, len - at, "。"))
			return ideographs >= 1 && ideographs <= 8 ? at + 3 : 0;
		if ((p[at] & 0xF0) != 0xE0 || (p[at + 1] & 0xC0) != 0x80 ||
			(p[at + 2] & 0xC0) != 0x80)
			return 0;
		cp = ((unsigned) (p[at] & 0x0F) << 12) |
			((unsigned) (p[at + 1] & 0x3F) << 6) | (p[at + 2] & 0x3F);
		if (cp < 0x4E00 || cp > 0x9FFF)
			return 0;
		ideographs++;
		at += 3;
	}
	return 0;
}

/* Copy the chapter title without white space into dst (size 128). */
static void
copy_title(char *dst, const char *s, size_t len, int lineno)
{
	size_t		out = 0;
	size_t		i = 0;

	while (i < len)
	{
		size_t		sp = skip_spaces(s + i, len - i);

		if (sp)
		{
			i += sp;
			continue;
		}
		if (out + 1 >= 128)
			fail(lineno, "chapter title too long");
		dst[out++] = s[i++];
	}
	dst[out] = '\0';
	if (out == 0)
		fail(lineno, "chapter without a title");
}

/* Parse the text buffer into reg; exits on any inconsistency. */
static void
parse_text(char *buf, size_t buflen, reg_text *reg)
{
	size_t		at = 0;
	int			lineno = 0;
	char		msg[160];

	memset(reg, 0, sizeof(*reg));
	while (at < buflen)
	{
		char	   *line = buf + at;
		char	   *nl = memchr(line, '\n', buflen - at);
		size_t		len = nl ? (size_t) (nl - line) : buflen - at;
		size_t		used;
		int			n;

		at += len + (nl ? 1 : 0);
		lineno++;
		/* drop CR and trailing spaces */
		while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' ||
						   line[len - 1] == '\t'))
			len--;
		if (memchr(line, '\0', len) != NULL)
			fail(lineno, "NUL byte in the text");
		if (lineno == 1 || len == 0)
			continue;			/* the title, or a blank line */

		if ((n = match_numbered(line, len, "章", &used)) > 0)
		{
			if (n != reg->nchapters + 1)
			{
				snprintf(msg, sizeof msg, "chapter %d out of order (expected %d)",
						 n, reg->nchapters + 1);
				fail(lineno, msg);
			}
			if (n > MAX_CHAPTERS)
				fail(lineno, "too many chapters");
			reg->nchapters = n;
			copy_title(reg->chapter_title[n], line + used, len - used, lineno);
		}
		else if ((n = match_numbered(line, len, "条", &used)) > 0)
		{
			reg_article *a;
			size_t		h;

			if (n != reg->narticles + 1)
			{
				snprintf(msg, sizeof msg, "article %d out of order (expected %d)",
						 n, reg->narticles + 1);
				fail(lineno, msg);
			}
			if (n > BJ_ARTICLES)
			{
				snprintf(msg, sizeof msg, "article %d: more than %d articles",
						 n, BJ_ARTICLES);
				fail(lineno, msg);
			}
			if (reg->nchapters == 0)
				fail(lineno, "article before the first chapter");
			reg->narticles = n;
			a = &reg->articles[n];
			a->chapter = reg->nchapters;
			h = heading_len(line + used, len - used);
			if (h)
			{
				a->heading = line + used;
				a->heading_len = h - 3;		/* without "。" */
			}
			a->text = line + used + h;
			a->text_len = len - used - h;
			if (a->text_len == 0)
				fail(lineno, "article without text");
		}
		else if ((n = match_item(line, len, &used)) > 0)
		{
			reg_article *a;

			if (reg->narticles == 0)
				fail(lineno, "item before the first article");
			a = &reg->articles[reg->narticles];
			if (n != a->nitems + 1)
			{
				snprintf(msg, sizeof msg,
						 "article %d: item %d out of order (expected %d)",
						 reg->narticles, n, a->nitems + 1);
				fail(lineno, msg);
			}
			if (n > MAX_ITEMS || used == len)
				fail(lineno, "bad item");
			a->items[n - 1] = line;
			a->item_len[n - 1] = len;
			a->item_prefix[n - 1] = used;
			a->nitems = n;
		}
		else
			fail(lineno, "unknown line (not 第X章, 第X条 or (X))");
	}
	if (reg->narticles != BJ_ARTICLES)
	{
		snprintf(msg, sizeof msg, "%d articles, expected %d",
				 reg->narticles, BJ_ARTICLES);
		fail(0, msg);
	}
}

/* Print the C header with the item count of every article. */
static void
emit_header(const reg_text *reg)
{
	int			i;

	printf("/* generated from data/regulation.zh.txt by tools/genreg; do not edit */\n");
	printf("#ifndef BJ_REGULATION_ITEMS_H\n#define BJ_REGULATION_ITEMS_H\n\n");
	printf("#define BJ_REG_ARTICLE_COUNT %d\n\n", reg->narticles);
	printf("/* items of each article (index = article; 0 = none) */\n");
	printf("static const unsigned char bj_reg_item_counts[%d] = {\n\t0,",
		   reg->narticles + 1);
	for (i = 1; i <= reg->narticles; i++)
		printf("%s/*%d*/ %d%s", (i - 1) % 6 == 0 ? "\n\t" : " ", i,
			   reg->articles[i].nitems, i < reg->narticles ? "," : "");
	printf("\n};\n\n");
	printf("/* chapter of each article (index = article) */\n");
	printf("static const unsigned char bj_reg_chapters[%d] = {\n\t0,", reg->narticles + 1);
	for (i = 1; i <= reg->narticles; i++)
		printf("%s/*%d*/ %d%s", (i - 1) % 6 == 0 ? "\n\t" : " ", i,
			   reg->articles[i].chapter, i < reg->narticles ? "," : "");
	printf("\n};\n\n");
	printf("/* heading of each article as the text writes it (NULL = none) */\n");
	printf("static const char *const bj_reg_headings[%d] = {\n\t0,", reg->narticles + 1);
	for (i = 1; i <= reg->narticles; i++)
	{
		const reg_article *a = &reg->articles[i];

		if (a->heading)
			printf("\n\t/*%d*/ \"%.*s\"%s", i, (int) a->heading_len, a->heading,
				   i < reg->narticles ? "," : "");
		else
			printf("\n\t/*%d*/ 0%s", i, i < reg->narticles ? "," : "");
	}
	printf("\n};\n\n#endif\t\t\t\t\t\t\t/* BJ_REGULATION_ITEMS_H */\n");
}

/* Print s (len bytes) as an SQL standard string literal. */
static void
emit_literal(const char *s, size_t len)
{
	size_t		i;

	putchar('\'');
	for (i = 0; i < len; i++)
	{
		if (s[i] == '\'')
			putchar('\'');
		putchar(s[i]);
	}
	putchar('\'');
}

/* Print one VALUES row (without separator). */
static void
emit_row(const reg_text *reg, int article, int item, const char *heading,
		 size_t heading_len)
{
	const reg_article *a = &reg->articles[article];
	int			i;

	printf("(%d, %d, %d, ", article, item, a->chapter);
	emit_literal(reg->chapter_title[a->chapter],
				 strlen(reg->chapter_title[a->chapter]));
	printf(", ");
	if (heading)
		emit_literal(heading, heading_len);
	else
		printf("NULL");
	printf(", ");
	if (item == 0)
	{
		/* the article's text joined with its item lines by newlines */
		putchar('\'');
		for (i = -1; i < a->nitems; i++)
		{
			const char *s = i < 0 ? a->text : a->items[i];
			size_t		len = i < 0 ? a->text_len : a->item_len[i];
			size_t		k;

			if (i >= 0)
				putchar('\n');
			for (k = 0; k < len; k++)
			{
				if (s[k] == '\'')
					putchar('\'');
				putchar(s[k]);
			}
		}
		putchar('\'');
	}
	else
		emit_literal(a->items[item - 1] + a->item_prefix[item - 1],
					 a->item_len[item - 1] - a->item_prefix[item - 1]);
	printf(")");
}

/* Print the INSERT seeding bjxm.regulation (articles and items). */
static void
emit_sql(const reg_text *reg)
{
	int			article;
	int			item;

	printf("-- generated from data/regulation.zh.txt by tools/genreg; do not edit\n");
	printf("INSERT INTO bjxm.regulation (article, item, chapter, chapter_title, heading, body) VALUES\n");
	for (article = 1; article <= reg->narticles; article++)
	{
		const reg_article *a = &reg->articles[article];

		for (item = 0; item <= a->nitems; item++)
		{
			printf("  ");
			if (item == 0)
				emit_row(reg, article, 0, a->heading, a->heading_len);
			else
				emit_row(reg, article, item, NULL, 0);
			printf("%s\n", article == reg->narticles && item == a->nitems
				   ? ";" : ",");
		}
	}
}

/* genreg header|sql FILE */
int
main(int argc, char **argv)
{
	static reg_text reg;
	char	   *buf;
	size_t		len;

	if (argc != 3 || (strcmp(argv[1], "header") != 0 &&
					  strcmp(argv[1], "sql") != 0))
	{
		fprintf(stderr, "usage: genreg header|sql FILE\n");
		return 2;
	}
	input_name = argv[2];
	buf = read_file(argv[2], &len);
	parse_text(buf, len, &reg);
	if (strcmp(argv[1], "header") == 0)
		emit_header(&reg);
	else
		emit_sql(&reg);
	if (fflush(stdout) != 0 || ferror(stdout))
	{
		perror("genreg: stdout");
		free(buf);
		return 1;
	}
	free(buf);
	return 0;
}
