/*
 * articles.h — the 36 articles of 毕节市市级信息化项目统筹管理办法(试行)
 * by name, so code cites 第十一条 as BJ_ART_ELIGIBILITY rather than 11.
 *
 * Backend-free.  Each name glosses the article's heading as the text
 * writes it (第三十四条 has none: it is named after what it requires);
 * test/check/test_clause.c compares every name with the heading that
 * tools/genreg reads from data/regulation.zh.txt.
 */
#ifndef BJ_ARTICLES_H
#define BJ_ARTICLES_H

typedef enum bj_article
{
	/* 第一章 总则 */
	BJ_ART_PURPOSE = 1,			/* 第一条 编制目的 */
	BJ_ART_SCOPE = 2,			/* 第二条 适用范围 */
	BJ_ART_DUTIES = 3,			/* 第三条 部门职责 */
	BJ_ART_PRINCIPLES = 4,		/* 第四条 基本原则 */
	/* 第二章 计划管理 */
	BJ_ART_DEMAND_PLAN = 5,		/* 第五条 方案编制 */
	BJ_ART_DECLARATION = 6,		/* 第六条 项目申报 */
	BJ_ART_DEMAND_REVIEW = 7,	/* 第七条 方案评审 (需求方案) */
	BJ_ART_LIBRARY = 8,			/* 第八条 项目入库 */
	BJ_ART_ANNUAL_PLAN = 9,		/* 第九条 年度计划 */
	/* 第三章 资金管理 */
	BJ_ART_BUDGET = 10,			/* 第十条 项目预算 */
	BJ_ART_ELIGIBILITY = 11,	/* 第十一条 支持范围 */
	BJ_ART_EXECUTION = 12,		/* 第十二条 预算执行 */
	/* 第四章 项目管理 */
	BJ_ART_SERVICE_PLAN = 13,	/* 第十三条 服务方案 */
	BJ_ART_SERVICE_REVIEW = 14, /* 第十四条 方案评审 (服务方案, 招标控制价) */
	BJ_ART_PROCUREMENT = 15,	/* 第十五条 服务采购 */
	BJ_ART_CONTRACT = 16,		/* 第十六条 合同签订 */
	BJ_ART_IMPLEMENTATION = 17, /* 第十七条 项目实施 */
	BJ_ART_STANDARDS = 18,		/* 第十八条 管理规范 */
	BJ_ART_ADJUSTMENT = 19,		/* 第十九条 内容调整 */
	BJ_ART_ACCEPTANCE = 20,		/* 第二十条 项目验收 */
	/* 第五章 数据管理 */
	BJ_ART_DATA_AUTHORITY = 21, /* 第二十一条 管理权限 */
	BJ_ART_CATALOGUE = 22,		/* 第二十二条 目录编制 */
	BJ_ART_LISTING = 23,		/* 第二十三条 数据上架 */
	BJ_ART_SHARING = 24,		/* 第二十四条 数据共享 */
	BJ_ART_OPENING = 25,		/* 第二十五条 数据开放 */
	/* 第六章 安全管理 */
	BJ_ART_SECURITY_DUTIES = 26,	/* 第二十六条 安全权责 */
	BJ_ART_BUILD_SECURITY = 27, /* 第二十七条 建设安全 */
	BJ_ART_SERVICE_SECURITY = 28,	/* 第二十八条 服务安全 */
	BJ_ART_DATA_SECURITY = 29,	/* 第二十九条 数据安全 */
	/* 第七章 监督管理 */
	BJ_ART_SUPERVISION = 30,	/* 第三十条 监督检查 */
	BJ_ART_RECTIFICATION = 31,	/* 第三十一条 项目整改 */
	BJ_ART_PERFORMANCE = 32,	/* 第三十二条 绩效管理 */
	BJ_ART_EVALUATION = 33,		/* 第三十三条 综合评估 */
	/* 第八章 附则 */
	BJ_ART_CITY_REVIEW = 34,	/* 第三十四条 (no heading): 须经市级大数据部门评审 */
	BJ_ART_COUNTIES = 35,		/* 第三十五条 (no heading): 各县参照执行 */
	BJ_ART_EFFECT = 36			/* 第三十六条 (no heading): 施行与废止 */
} bj_article;

/* Items of the articles that have them (checked against the text). */
#define BJ_ITEMS_DEMAND_PLAN	4	/* 第五条(一)–(四) */
#define BJ_ITEMS_ELIGIBILITY	3	/* 第十一条(一)–(三) */
#define BJ_ITEMS_ADJUSTMENT		3	/* 第十九条(一)–(三) */
#define BJ_ITEMS_RECTIFICATION	9	/* 第三十一条(一)–(九) */
#define BJ_ITEMS_CITY_REVIEW	3	/* 第三十四条(一)–(三) */

#endif							/* BJ_ARTICLES_H */
