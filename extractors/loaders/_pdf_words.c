/*
 * The PDF loader's per-character work on one page, in C (issue 16): what
 * pages._read_page does in Python between reading a page's characters and
 * finding its tables, done in one pass over the character dicts:
 *
 *   pdf_chars.clean_chars   (rotated, off-page, tiny, duplicated characters)
 *   pdf_chars.mark_scripts  (small raised / lowered digits -> super/subscripts)
 *   pdfplumber.utils.extract_words(chars, x_tolerance, y_tolerance,
 *       keep_blank_chars=False, use_text_flow=False, return_chars=True)
 *   pages._word             (a word's text, box, median size and fonts)
 *
 * page(chars, width, height, x_tolerance, y_tolerance)
 *   -> None, or (dropped, dropped_text, words)
 *   chars       the page's character dicts (pdfplumber's form), in order
 *   width       page width + x offset, height page height + y offset
 *   dropped     how many characters clean_chars leaves out
 *   dropped_text their texts joined, in page order
 *   words       one tuple per word _read_page keeps, in extract_words' order:
 *               (text, x0, x1, top, bottom, size, fonts) where x0..bottom
 *               are the character dicts' own value objects, size the median
 *               as _word computes it, fonts the one font name of all the
 *               word's characters or a tuple of each character's font name
 *
 * None means "do this page in Python": a character dict this code does not
 * expect (a missing key, a value that is not a float / small int / str /
 * bool, a non-finite number, an empty matrix). Every such check is made
 * before any dict is changed, so the Python path then starts from the same
 * dicts. mark_scripts' new texts are written into
 * the dicts as Python does.
 *
 * Arithmetic is the same IEEE double arithmetic Python does (setup.py
 * compiles with -ffp-contract=off: no fused multiply-add), so every
 * comparison comes out the same; tests/test_pdf_words_c.py checks the
 * output against the Python functions on corpus pages.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static PyObject *K_text, *K_fontname, *K_size, *K_upright, *K_matrix, *K_x0, *K_x1, *K_top, *K_bottom;
static PyObject *EMPTY, *SPACE, *NBSP, *TWO, *CLOSERS;

typedef struct {
    PyObject *d, *text, *font, *x0o, *x1o, *topo, *bottomo, *sizeo;
    double x0, x1, top, bottom, size;
    char upright;   /* the dict's "upright" (a bool) */
    char aligned;   /* pdf_chars._axis_aligned */
    char space;     /* text.isspace() */
    char empty;     /* text == "" */
} ch_t;

/* a float or an int Python and C doubles agree on exactly */
static int num(PyObject *o, double *out) {
    if (PyFloat_CheckExact(o)) {
        double v = PyFloat_AS_DOUBLE(o);
        if (!isfinite(v) || fabs(v) > 9007199254740992.0)
            return 0;
        *out = v;
        return 1;
    }
    if (PyLong_CheckExact(o)) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow || v > (1LL << 53) || v < -(1LL << 53))
            return 0;
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 0;
        }
        *out = (double)v;
        return 1;
    }
    return 0;
}

static int all_space(PyObject *s) { /* str.isspace() */
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

static int all_alpha(PyObject *s) { /* str.isalpha() */
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISALPHA(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

static int ascii_digits(PyObject *s) { /* s.isdigit() and s.isascii() */
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (n == 0)
        return 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < '0' || c > '9')
            return 0;
    }
    return 1;
}

static int any_space(PyObject *s) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++)
        if (Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 1;
    return 0;
}

static int str_eq(PyObject *a, PyObject *b) {
    if (a == b)
        return 1;
    return PyUnicode_Compare(a, b) == 0;
}

/* 1 loaded, 0 not a dict this code takes (the page goes to Python), -1 error.
 * *last_m / *last_ok: the previous matrix tuple and its test (a text
 * object's characters share one tuple; the test depends on it alone) */
static int load_char(PyObject *d, ch_t *c, PyObject **last_m, char *last_ok) {
    if (!PyDict_CheckExact(d))
        return 0;
    c->d = d;
    PyObject *v;
#define GET(key) v = PyDict_GetItemWithError(d, key); if (v == NULL) return PyErr_Occurred() ? -1 : 0;
    GET(K_text);
    if (!PyUnicode_CheckExact(v) || PyUnicode_READY(v) < 0)
        return 0;
    c->text = v;
    c->empty = PyUnicode_GET_LENGTH(v) == 0;
    c->space = (char)all_space(v);
    GET(K_x0);
    if (!num(v, &c->x0)) return 0;
    c->x0o = v;
    GET(K_x1);
    if (!num(v, &c->x1)) return 0;
    c->x1o = v;
    GET(K_top);
    if (!num(v, &c->top)) return 0;
    c->topo = v;
    GET(K_bottom);
    if (!num(v, &c->bottom)) return 0;
    c->bottomo = v;
    GET(K_size);
    if (!num(v, &c->size)) return 0;
    c->sizeo = v;
    GET(K_fontname);
    if (!PyUnicode_CheckExact(v))
        return 0;
    c->font = v;
    GET(K_upright);
    if (v != Py_True && v != Py_False)
        return 0;
    c->upright = v == Py_True;
#undef GET
    v = PyDict_GetItemWithError(d, K_matrix);
    if (v == NULL && PyErr_Occurred())
        return -1;
    if (v == NULL || v == Py_None) {
        c->aligned = c->upright;
    } else if (v == *last_m) {
        c->aligned = *last_ok;
    } else {
        if (!PyTuple_CheckExact(v) || PyTuple_GET_SIZE(v) < 4)
            return 0;
        double a, b, cc, dd;
        if (!num(PyTuple_GET_ITEM(v, 0), &a) || !num(PyTuple_GET_ITEM(v, 1), &b) || !num(PyTuple_GET_ITEM(v, 2), &cc) ||
            !num(PyTuple_GET_ITEM(v, 3), &dd))
            return 0;
        if (fabs(b) > 0.02 * (fabs(a) + 1e-9) || fabs(cc) > 0.02 * (fabs(dd) + 1e-9))
            c->aligned = 0;
        else
            c->aligned = a > 0 && dd > 0;
        *last_m = v;
        *last_ok = c->aligned;
    }
    return 1;
}

/* ------------------------------------------------------------ clean_chars */

typedef struct {
    double top, bottom, x0, x1;
    Py_ssize_t run;
} box_t;

static int cmp_box(const void *pa, const void *pb) {
    const box_t *a = pa, *b = pb;
    if (a->top != b->top) return a->top < b->top ? -1 : 1;
    if (a->bottom != b->bottom) return a->bottom < b->bottom ? -1 : 1;
    if (a->x0 != b->x0) return a->x0 < b->x0 ? -1 : 1;
    if (a->x1 != b->x1) return a->x1 < b->x1 ? -1 : 1;
    return a->run < b->run ? -1 : (a->run > b->run);
}

/* _drop_duplicates on kept[0..n): returns the new count, -1 on error */
static Py_ssize_t drop_duplicates(ch_t *cs, Py_ssize_t *kept, Py_ssize_t n) {
    if (n == 0)
        return 0;
    size_t cap = 16;
    while (cap < (size_t)n * 2)
        cap <<= 1;
    Py_ssize_t *slot = PyMem_Calloc(cap, sizeof(Py_ssize_t)); /* kept position + 1 */
    long long *rx = PyMem_Malloc((size_t)n * sizeof(long long));
    long long *ry = PyMem_Malloc((size_t)n * sizeof(long long));
    Py_hash_t *th = PyMem_Malloc((size_t)n * sizeof(Py_hash_t));
    if (!slot || !rx || !ry || !th) {
        PyMem_Free(slot); PyMem_Free(rx); PyMem_Free(ry); PyMem_Free(th);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t out = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        ch_t *c = &cs[kept[k]];
        long long x = (long long)rint(c->x0), y = (long long)rint(c->top); /* round(): half to even */
        Py_hash_t h = PyObject_Hash(c->text);
        if (h == -1) {
            PyMem_Free(slot); PyMem_Free(rx); PyMem_Free(ry); PyMem_Free(th);
            return -1;
        }
        uint64_t hh = (uint64_t)h * 1000003u ^ (uint64_t)x * 0x9E3779B97F4A7C15ull ^ (uint64_t)y * 0xC2B2AE3D27D4EB4Full;
        hh ^= hh >> 29;
        size_t s = (size_t)hh & (cap - 1);
        int found = 0;
        while (slot[s]) {
            Py_ssize_t o = slot[s] - 1;
            if (rx[o] == x && ry[o] == y && th[o] == h && str_eq(cs[kept[o]].text, c->text)) {
                found = 1;
                break;
            }
            s = (s + 1) & (cap - 1);
        }
        if (found && !c->space)
            continue;
        if (!found) {
            rx[out] = x;
            ry[out] = y;
            th[out] = h;
            slot[s] = out + 1;
        }
        kept[out++] = kept[k];
    }
    PyMem_Free(slot); PyMem_Free(rx); PyMem_Free(ry); PyMem_Free(th);
    return out;
}

/* a collision: character `i` (a kept position) of run `ra` lies under run `rb` */
typedef struct {
    Py_ssize_t ra, rb, i;
} hit_t;

static int cmp_hit(const void *pa, const void *pb) {
    const hit_t *a = pa, *b = pb;
    if (a->ra != b->ra) return a->ra < b->ra ? -1 : 1;
    if (a->rb != b->rb) return a->rb < b->rb ? -1 : 1;
    return a->i < b->i ? -1 : (a->i > b->i);
}

typedef struct {
    Py_ssize_t a, b;
} edge_t;

static int cmp_edge(const void *pa, const void *pb) {
    const edge_t *a = pa, *b = pb;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : (a->b > b->b);
}

static int push_hit(hit_t **hits, Py_ssize_t *nh, Py_ssize_t *cap, Py_ssize_t ra, Py_ssize_t rb, Py_ssize_t i) {
    if (*nh == *cap) {
        Py_ssize_t nc = *cap ? *cap * 2 : 64;
        hit_t *g = PyMem_Realloc(*hits, (size_t)nc * sizeof(hit_t));
        if (g == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *hits = g;
        *cap = nc;
    }
    (*hits)[*nh].ra = ra;
    (*hits)[*nh].rb = rb;
    (*hits)[*nh].i = i;
    (*nh)++;
    return 0;
}

/* _runs and _drop_overprinted_runs on kept[0..n): keeps the characters of
 * the runs left after dropping over-printed ones (in order) and returns how
 * many, -1 on error */
static Py_ssize_t drop_overprinted(ch_t *cs, Py_ssize_t *kept, Py_ssize_t n) {
    if (n < 2)
        return n;
    Py_ssize_t *run_of = PyMem_Malloc((size_t)n * sizeof(Py_ssize_t));
    Py_ssize_t *start = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
    box_t *boxes = PyMem_Malloc((size_t)n * sizeof(box_t));
    hit_t *hits = NULL;
    edge_t *edges = NULL;
    Py_ssize_t *run_len = NULL, *covered = NULL;
    char *gone = NULL;
    Py_ssize_t nh = 0, hcap = 0, result = -1;
    if (!run_of || !start || !boxes) {
        PyErr_NoMemory();
        goto out;
    }
    Py_ssize_t run = -1;
    ch_t *p = NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        ch_t *c = &cs[kept[k]];
        int fresh;
        if (p == NULL || !str_eq(c->font, p->font))
            fresh = 1;
        else {
            double ds = c->size - p->size, db = c->bottom - p->bottom;
            if (!(-0.1 <= ds && ds <= 0.1) || !(-0.5 <= db && db <= 0.5) || c->x0 < p->x0 - 0.5)
                fresh = 1;
            else
                fresh = c->x0 > p->x1 + 2.5 * (c->size > 1 ? c->size : 1);
        }
        if (fresh) {
            run++;
            start[run] = k;
        }
        run_of[k] = run;
        p = c;
    }
    Py_ssize_t nruns = run + 1;
    start[nruns] = n;
    /* each run's box over its non-space characters */
    Py_ssize_t nb = 0;
    for (Py_ssize_t r = 0; r < nruns; r++) {
        int any = 0;
        box_t b;
        for (Py_ssize_t k = start[r]; k < start[r + 1]; k++) {
            ch_t *c = &cs[kept[k]];
            if (c->space)
                continue;
            if (!any) {
                b.top = c->top; b.bottom = c->bottom; b.x0 = c->x0; b.x1 = c->x1;
                any = 1;
            } else {
                if (c->top < b.top) b.top = c->top;
                if (c->bottom > b.bottom) b.bottom = c->bottom;
                if (c->x0 < b.x0) b.x0 = c->x0;
                if (c->x1 > b.x1) b.x1 = c->x1;
            }
        }
        if (any) {
            b.run = r;
            boxes[nb++] = b;
        }
    }
    qsort(boxes, (size_t)nb, sizeof(box_t), cmp_box);
    for (Py_ssize_t a = 0; a < nb; a++) {
        box_t *A = &boxes[a];
        for (Py_ssize_t bi = a + 1; bi < nb; bi++) {
            box_t *B = &boxes[bi];
            if (B->top >= A->bottom)
                break;
            double ix0 = A->x0 > B->x0 ? A->x0 : B->x0, ix1 = A->x1 < B->x1 ? A->x1 : B->x1;
            if (ix1 <= ix0)
                continue;
            double iy0 = B->top, iy1 = A->bottom < B->bottom ? A->bottom : B->bottom;
            for (Py_ssize_t i = start[A->run]; i < start[A->run + 1]; i++) {
                ch_t *ci = &cs[kept[i]];
                if (ci->space || !(ci->x1 > ix0 && ci->x0 < ix1 && ci->bottom > iy0 && ci->top < iy1))
                    continue;
                double area_i = (ci->x1 - ci->x0) * (ci->bottom - ci->top);
                if (!(area_i >= 1e-6)) area_i = 1e-6;   /* max(area, 1e-6) */
                for (Py_ssize_t j = start[B->run]; j < start[B->run + 1]; j++) {
                    ch_t *cj = &cs[kept[j]];
                    if (cj->space || !(cj->x1 > ix0 && cj->x0 < ix1 && cj->bottom > iy0 && cj->top < iy1))
                        continue;
                    if (i - j == 1 || j - i == 1)
                        continue;   /* kerning between neighbours is not over-printing */
                    double w = (ci->x1 < cj->x1 ? ci->x1 : cj->x1) - (ci->x0 > cj->x0 ? ci->x0 : cj->x0);
                    double h = (ci->bottom < cj->bottom ? ci->bottom : cj->bottom) - (ci->top > cj->top ? ci->top : cj->top);
                    if (w <= 0 || h <= 0)
                        continue;
                    double area_j = (cj->x1 - cj->x0) * (cj->bottom - cj->top);
                    if (!(area_j >= 1e-6)) area_j = 1e-6;
                    if (w * h > 0.5 * (area_i < area_j ? area_i : area_j)) {
                        if (push_hit(&hits, &nh, &hcap, A->run, B->run, i) < 0 ||
                            push_hit(&hits, &nh, &hcap, B->run, A->run, j) < 0)
                            goto out;
                    }
                }
            }
        }
    }
    if (nh == 0) {
        result = n;
        goto out;
    }
    /* hits as sets: sorted, repeats removed */
    qsort(hits, (size_t)nh, sizeof(hit_t), cmp_hit);
    Py_ssize_t u = 0;
    for (Py_ssize_t k = 0; k < nh; k++)
        if (u == 0 || cmp_hit(&hits[k], &hits[u - 1]) != 0)
            hits[u++] = hits[k];
    nh = u;
    run_len = PyMem_Calloc((size_t)nruns, sizeof(Py_ssize_t));    /* non-space characters */
    covered = PyMem_Calloc((size_t)nruns, sizeof(Py_ssize_t));    /* len(covered[r]) */
    gone = PyMem_Calloc((size_t)nruns, 1);
    edges = PyMem_Malloc((size_t)nh * 2 * sizeof(edge_t));
    if (!run_len || !covered || !gone || !edges) {
        PyErr_NoMemory();
        goto out;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        if (!cs[kept[k]].space)
            run_len[run_of[k]]++;
    /* covered[ra]: the distinct characters of ra under any other run */
    {
        Py_ssize_t *idx = PyMem_Malloc((size_t)nh * sizeof(Py_ssize_t));
        if (idx == NULL) {
            PyErr_NoMemory();
            goto out;
        }
        Py_ssize_t k = 0;
        while (k < nh) {
            Py_ssize_t ra = hits[k].ra, m = 0;
            while (k < nh && hits[k].ra == ra)
                idx[m++] = hits[k++].i;
            /* distinct indexes of ra over all rb (each rb's are sorted; merge by sorting) */
            for (Py_ssize_t q = 1; q < m; q++) {   /* insertion sort: m is small */
                Py_ssize_t v = idx[q], z = q - 1;
                while (z >= 0 && idx[z] > v) {
                    idx[z + 1] = idx[z];
                    z--;
                }
                idx[z + 1] = v;
            }
            Py_ssize_t d = 0;
            for (Py_ssize_t q = 0; q < m; q++)
                if (q == 0 || idx[q] != idx[q - 1])
                    d++;
            covered[ra] = d;
        }
        PyMem_Free(idx);
    }
    /* conflicts: a good share (30%) of either run covered by the other */
    Py_ssize_t ne = 0;
    {
        Py_ssize_t k = 0;
        while (k < nh) {
            Py_ssize_t ra = hits[k].ra, rb = hits[k].rb, cnt = 0;
            while (k < nh && hits[k].ra == ra && hits[k].rb == rb) {
                cnt++;
                k++;
            }
            /* len(hits[(rb, ra)]): the hits are sorted, so a binary search for each end */
            hit_t lo_key = {rb, ra, -1}, hi_key = {rb, ra, PY_SSIZE_T_MAX};
            Py_ssize_t lo = 0, hi = nh;
            while (lo < hi) {
                Py_ssize_t mid = (lo + hi) / 2;
                if (cmp_hit(&hits[mid], &lo_key) < 0) lo = mid + 1; else hi = mid;
            }
            Py_ssize_t first = lo;
            hi = nh;
            while (lo < hi) {
                Py_ssize_t mid = (lo + hi) / 2;
                if (cmp_hit(&hits[mid], &hi_key) <= 0) lo = mid + 1; else hi = mid;
            }
            Py_ssize_t back = lo - first;
            if (cnt >= 0.3 * run_len[ra] || back >= 0.3 * run_len[rb]) {
                edges[ne].a = ra; edges[ne].b = rb; ne++;
                edges[ne].a = rb; edges[ne].b = ra; ne++;
            }
        }
    }
    if (ne == 0) {
        result = n;
        goto out;
    }
    qsort(edges, (size_t)ne, sizeof(edge_t), cmp_edge);
    u = 0;
    for (Py_ssize_t k = 0; k < ne; k++)
        if (u == 0 || cmp_edge(&edges[k], &edges[u - 1]) != 0)
            edges[u++] = edges[k];
    ne = u;
    /* drop the run with the most live conflicts (then the larger covered
     * share, the larger size, the later run) until none is left */
    for (;;) {
        Py_ssize_t best = -1, best_live = 0;
        double best_share = 0, best_size = 0;
        Py_ssize_t k = 0;
        while (k < ne) {
            Py_ssize_t r = edges[k].a, live = 0;
            while (k < ne && edges[k].a == r) {
                if (!gone[edges[k].b])
                    live++;
                k++;
            }
            if (gone[r] || live == 0)
                continue;
            double share = (double)covered[r] / (double)(run_len[r] > 1 ? run_len[r] : 1);
            double size = cs[kept[start[r]]].size;   /* size_of: the run's first character */
            int better = best < 0 || live > best_live ||
                         (live == best_live && (share > best_share ||
                          (share == best_share && (size > best_size || (size == best_size && r > best)))));
            if (better) {
                best = r;
                best_live = live;
                best_share = share;
                best_size = size;
            }
        }
        if (best < 0)
            break;
        gone[best] = 1;
    }
    Py_ssize_t out_n = 0;
    for (Py_ssize_t k = 0; k < n; k++)
        if (!gone[run_of[k]])
            kept[out_n++] = kept[k];
    result = out_n;
out:
    PyMem_Free(run_of); PyMem_Free(start); PyMem_Free(boxes); PyMem_Free(hits); PyMem_Free(edges);
    PyMem_Free(run_len); PyMem_Free(covered); PyMem_Free(gone);
    return result;
}

/* ----------------------------------------------------------- mark_scripts */

static ch_t *neighbour(ch_t *cs, Py_ssize_t *kept, Py_ssize_t n, Py_ssize_t k, int step, ch_t *ref) {
    for (int t = 0; t < 3; t++) {
        if (k < 0 || k >= n)
            return NULL;
        ch_t *c = &cs[kept[k]];
        if (c->space) {
            k += step;
            continue;
        }
        if (c->bottom <= ref->top || c->top >= ref->bottom)
            return NULL;
        if (all_alpha(c->text))
            return c;
        int in = PyUnicode_Contains(CLOSERS, c->text);   /* c["text"] in ".,;:)..." */
        if (in < 0) {
            PyErr_Clear();
            return NULL;
        }
        return in ? c : NULL;
    }
    return NULL;
}

/* Two digits of one number: the same size, on the same line (pdf_chars._one_run). */
static int one_run(const ch_t *a, const ch_t *b) {
    return fabs(a->size - b->size) < 0.5 && b->top < a->bottom && b->bottom > a->top;
}

static int mark_scripts(ch_t *cs, Py_ssize_t *kept, Py_ssize_t n) {
    static const Py_UCS4 sup[10] = {0x2070, 0xB9, 0xB2, 0xB3, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079};
    static const Py_UCS4 sub[10] = {0x2080, 0x2081, 0x2082, 0x2083, 0x2084, 0x2085, 0x2086, 0x2087, 0x2088, 0x2089};
    Py_ssize_t i = 0;
    while (i < n) {
        if (!ascii_digits(cs[kept[i]].text)) {
            i++;
            continue;
        }
        Py_ssize_t j = i + 1;
        /* (a marker's digit, then the next line's paragraph number: two runs) */
        while (j < n && ascii_digits(cs[kept[j]].text) && one_run(&cs[kept[j - 1]], &cs[kept[j]]))
            j++;
        ch_t *base = neighbour(cs, kept, n, i - 1, -1, &cs[kept[i]]);
        if (base == NULL)
            base = neighbour(cs, kept, n, j, 1, &cs[kept[j - 1]]);
        if (base != NULL) {
            double size = 0, bsize = base->size;   /* max(c.get("size") or 0 ...) */
            for (Py_ssize_t k = i; k < j; k++)
                if (k == i || cs[kept[k]].size > size)
                    size = cs[kept[k]].size;
            if (0 < size && size <= 0.85 * bsize) {
                const Py_UCS4 *table = NULL;
                double hi = 0, lo = 0;
                for (Py_ssize_t k = i; k < j; k++) {
                    if (k == i || cs[kept[k]].bottom > hi) hi = cs[kept[k]].bottom;
                    if (k == i || cs[kept[k]].top < lo) lo = cs[kept[k]].top;
                }
                if (hi < base->bottom - 0.2 * bsize)
                    table = sup;
                else if (lo > base->top + 0.2 * bsize)
                    table = sub;
                if (table != NULL) {
                    for (Py_ssize_t k = i; k < j; k++) {
                        ch_t *c = &cs[kept[k]];
                        Py_ssize_t len = PyUnicode_GET_LENGTH(c->text);
                        Py_UCS4 *buf = PyMem_Malloc((size_t)len * sizeof(Py_UCS4));
                        if (buf == NULL) {
                            PyErr_NoMemory();
                            return -1;
                        }
                        for (Py_ssize_t q = 0; q < len; q++)
                            buf[q] = table[PyUnicode_READ_CHAR(c->text, q) - '0'];
                        /* (a canonical str: "\u00b9" alone is a one-byte string, as translate() makes it) */
                        PyObject *s = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, len);
                        PyMem_Free(buf);
                        if (s == NULL)
                            return -1;
                        /* the dict now owns the new text (and drops the old one) */
                        int rc = PyDict_SetItem(c->d, K_text, s);
                        Py_DECREF(s);
                        if (rc < 0)
                            return -1;
                        c->text = s;
                    }
                }
            }
        }
        i = j;
    }
    return 0;
}

/* ---------------------------------------------------------- extract_words */

typedef struct {
    Py_ssize_t cluster;
    double k1, k2;
    Py_ssize_t pos;
} ord_t;

static int cmp_ord(const void *pa, const void *pb) {
    const ord_t *a = pa, *b = pb;
    if (a->cluster != b->cluster) return a->cluster < b->cluster ? -1 : 1;
    if (a->k1 != b->k1) return a->k1 < b->k1 ? -1 : 1;
    if (a->k2 != b->k2) return a->k2 < b->k2 ? -1 : 1;
    return a->pos < b->pos ? -1 : (a->pos > b->pos);
}

static int cmp_double(const void *pa, const void *pb) {
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : (a > b);
}

typedef struct {
    Py_ssize_t k;   /* index into cs */
    Py_ssize_t pos;
    double v;
} sz_t;

static int cmp_sz(const void *pa, const void *pb) {
    const sz_t *a = pa, *b = pb;
    if (a->v != b->v) return a->v < b->v ? -1 : 1;
    return a->pos < b->pos ? -1 : (a->pos > b->pos);
}

static PyObject *ligature(PyObject *text) {
    if (PyUnicode_GET_LENGTH(text) != 1)
        return NULL;
    switch (PyUnicode_READ_CHAR(text, 0)) {   /* pdfplumber.utils.text.LIGATURES */
    case 0xFB00: return PyUnicode_FromString("ff");
    case 0xFB01: return PyUnicode_FromString("fi");
    case 0xFB02: return PyUnicode_FromString("fl");
    case 0xFB03: return PyUnicode_FromString("ffi");
    case 0xFB04: return PyUnicode_FromString("ffl");
    case 0xFB05: return PyUnicode_FromString("st");
    case 0xFB06: return PyUnicode_FromString("st");
    }
    return NULL;
}

/* merge_chars + _word for the word cs[w[0..m)]: appends its tuple to out
 * unless its text is blank; -1 on error */
static int emit_word(ch_t *cs, Py_ssize_t *w, Py_ssize_t m, PyObject *out, sz_t *szbuf) {
    PyObject *text;
    int lig = 0;
    Py_ssize_t total = 0;
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *t = cs[w[k]].text;
        Py_ssize_t len = PyUnicode_GET_LENGTH(t);
        if (len == 1 && PyUnicode_READ_CHAR(t, 0) >= 0xFB00 && PyUnicode_READ_CHAR(t, 0) <= 0xFB06)
            lig = 1;
        total += len;
        Py_UCS4 mc = PyUnicode_MAX_CHAR_VALUE(t);
        if (mc > maxchar)
            maxchar = mc;
    }
    if (m == 1 && !lig) {
        text = cs[w[0]].text;
        Py_INCREF(text);
    } else if (!lig) {   /* the texts one after another (as "".join makes them) */
        text = PyUnicode_New(total, maxchar);
        if (text == NULL)
            return -1;
        Py_ssize_t at = 0;
        for (Py_ssize_t k = 0; k < m; k++) {
            PyObject *t = cs[w[k]].text;
            if (PyUnicode_CopyCharacters(text, at, t, 0, PyUnicode_GET_LENGTH(t)) < 0) {
                Py_DECREF(text);
                return -1;
            }
            at += PyUnicode_GET_LENGTH(t);
        }
    } else {
        PyObject *parts = PyList_New(m);
        if (parts == NULL)
            return -1;
        for (Py_ssize_t k = 0; k < m; k++) {
            PyObject *t = ligature(cs[w[k]].text);
            if (t == NULL) {
                if (PyErr_Occurred()) {
                    Py_DECREF(parts);
                    return -1;
                }
                t = cs[w[k]].text;
                Py_INCREF(t);
            }
            PyList_SET_ITEM(parts, k, t);
        }
        text = PyUnicode_Join(EMPTY, parts);
        Py_DECREF(parts);
        if (text == NULL)
            return -1;
    }
    /* _read_page keeps a word whose text.strip() is not empty */
    if (PyUnicode_GET_LENGTH(text) == 0 || all_space(text)) {
        Py_DECREF(text);
        return 0;
    }
    if (any_space(text)) {   /* " ".join(text.split()).replace("\u00a0", " ") */
        PyObject *parts = PyUnicode_Split(text, NULL, -1);
        Py_DECREF(text);
        if (parts == NULL)
            return -1;
        PyObject *joined = PyUnicode_Join(SPACE, parts);
        Py_DECREF(parts);
        if (joined == NULL)
            return -1;
        text = PyUnicode_Replace(joined, NBSP, SPACE, -1);
        Py_DECREF(joined);
        if (text == NULL)
            return -1;
    }
    /* the box: min / max as Python's min() and max() pick them (the first extreme) */
    Py_ssize_t ix0 = w[0], itop = w[0], ix1 = w[0], ibot = w[0];
    for (Py_ssize_t k = 1; k < m; k++) {
        ch_t *c = &cs[w[k]];
        if (c->x0 < cs[ix0].x0) ix0 = w[k];
        if (c->top < cs[itop].top) itop = w[k];
        if (c->x1 > cs[ix1].x1) ix1 = w[k];
        if (c->bottom > cs[ibot].bottom) ibot = w[k];
    }
    /* (every character of a word is a non-space one: _word's filter keeps them all) */
    PyObject *size;
    int same = 1;
    for (Py_ssize_t k = 1; k < m; k++)
        if (cs[w[k]].size != cs[w[0]].size)
            same = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        szbuf[k].k = w[k];
        szbuf[k].pos = k;
        szbuf[k].v = cs[w[k]].size;
    }
    if (!same)
        qsort(szbuf, (size_t)m, sizeof(sz_t), cmp_sz);
    Py_ssize_t mid = m / 2;
    if (m % 2) {
        size = cs[szbuf[mid].k].sizeo;
        Py_INCREF(size);
    } else {
        PyObject *sum = PyNumber_Add(cs[szbuf[mid - 1].k].sizeo, cs[szbuf[mid].k].sizeo);
        if (sum == NULL) {
            Py_DECREF(text);
            return -1;
        }
        size = PyNumber_TrueDivide(sum, TWO);
        Py_DECREF(sum);
        if (size == NULL) {
            Py_DECREF(text);
            return -1;
        }
    }
    PyObject *fonts;
    int one_font = 1;
    for (Py_ssize_t k = 1; k < m && one_font; k++)
        if (!str_eq(cs[w[k]].font, cs[w[0]].font))
            one_font = 0;
    if (one_font) {
        fonts = cs[w[0]].font;
        Py_INCREF(fonts);
    } else {
        fonts = PyTuple_New(m);
        if (fonts == NULL) {
            Py_DECREF(text);
            Py_DECREF(size);
            return -1;
        }
        for (Py_ssize_t k = 0; k < m; k++) {
            Py_INCREF(cs[w[k]].font);
            PyTuple_SET_ITEM(fonts, k, cs[w[k]].font);
        }
    }
    PyObject *t = PyTuple_Pack(7, text, cs[ix0].x0o, cs[ix1].x1o, cs[itop].topo, cs[ibot].bottomo, size, fonts);
    Py_DECREF(text);
    Py_DECREF(size);
    Py_DECREF(fonts);
    if (t == NULL)
        return -1;
    int rc = PyList_Append(out, t);
    Py_DECREF(t);
    return rc;
}

/* extract_words over kept[0..n) (groups of one uprightness, lines by
 * clustering, characters along each line, words by gaps) */
static int extract_words(ch_t *cs, Py_ssize_t *kept, Py_ssize_t n, double xt, double yt, PyObject *out) {
    ord_t *ord = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(ord_t));
    double *vals = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(double));
    Py_ssize_t *cl = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    Py_ssize_t *word = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    sz_t *szbuf = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(sz_t));
    int rc = 0;
    if (!ord || !vals || !cl || !word || !szbuf) {
        PyErr_NoMemory();
        rc = -1;
        goto done;
    }
    Py_ssize_t g0 = 0;
    while (g0 < n) {
        int up = cs[kept[g0]].upright;
        Py_ssize_t g1 = g0 + 1;
        while (g1 < n && cs[kept[g1]].upright == up)
            g1++;
        Py_ssize_t m = g1 - g0;
        /* cluster_objects(chars, top if upright else x0, tolerance): sorted
         * distinct values, a new cluster where one is more than the tolerance
         * past the one before */
        double tol = up ? yt : xt;
        for (Py_ssize_t k = 0; k < m; k++) {
            ch_t *c = &cs[kept[g0 + k]];
            vals[k] = up ? c->top : c->x0;
        }
        qsort(vals, (size_t)m, sizeof(double), cmp_double);
        Py_ssize_t nu = 0;
        for (Py_ssize_t k = 0; k < m; k++)
            if (nu == 0 || vals[k] != vals[nu - 1])
                vals[nu++] = vals[k];
        Py_ssize_t c_id = 0;
        for (Py_ssize_t k = 0; k < nu; k++) {
            if (k > 0 && !(vals[k] <= vals[k - 1] + tol))
                c_id++;
            cl[k] = c_id;
        }
        for (Py_ssize_t k = 0; k < m; k++) {
            ch_t *c = &cs[kept[g0 + k]];
            double key = up ? c->top : c->x0;
            Py_ssize_t lo = 0, hi = nu - 1;
            while (lo < hi) {   /* the distinct value equal to key */
                Py_ssize_t mid = (lo + hi) / 2;
                if (vals[mid] < key) lo = mid + 1; else hi = mid;
            }
            ord[k].cluster = cl[lo];
            /* within a line: sorted by (x0, x0) upright, (top, bottom) rotated (stable) */
            ord[k].k1 = up ? c->x0 : c->top;
            ord[k].k2 = up ? c->x0 : c->bottom;
            ord[k].pos = g0 + k;
        }
        qsort(ord, (size_t)m, sizeof(ord_t), cmp_ord);
        Py_ssize_t nw = 0;
        for (Py_ssize_t k = 0; k < m; k++) {
            if (k > 0 && ord[k].cluster != ord[k - 1].cluster) {   /* a new line */
                if (nw && emit_word(cs, word, nw, out, szbuf) < 0) { rc = -1; goto done; }
                nw = 0;
            }
            Py_ssize_t ci = kept[ord[k].pos];
            ch_t *c = &cs[ci];
            if (c->space) {
                if (nw && emit_word(cs, word, nw, out, szbuf) < 0) { rc = -1; goto done; }
                nw = 0;
            } else if (c->empty) {   /* "" in split_at_punctuation (""): a word of its own */
                if (nw && emit_word(cs, word, nw, out, szbuf) < 0) { rc = -1; goto done; }
                word[0] = ci;
                if (emit_word(cs, word, 1, out, szbuf) < 0) { rc = -1; goto done; }
                nw = 0;
            } else {
                int fresh = 0;
                if (nw) {
                    ch_t *p = &cs[word[nw - 1]];
                    if (up)   /* char_begins_new_word, "ltr" */
                        fresh = c->x0 < p->x0 || c->x0 > p->x1 + xt || fabs(c->top - p->top) > yt;
                    else      /* "ttb" */
                        fresh = c->top < p->top || c->top > p->bottom + yt || fabs(c->x0 - p->x0) > xt;
                }
                if (fresh) {
                    if (emit_word(cs, word, nw, out, szbuf) < 0) { rc = -1; goto done; }
                    nw = 0;
                }
                word[nw++] = ci;
            }
        }
        if (nw && emit_word(cs, word, nw, out, szbuf) < 0) { rc = -1; goto done; }
        g0 = g1;
    }
done:
    PyMem_Free(ord); PyMem_Free(vals); PyMem_Free(cl); PyMem_Free(word); PyMem_Free(szbuf);
    return rc;
}

/* ------------------------------------------------------------------- page */

static PyObject *page(PyObject *self, PyObject *args) {
    PyObject *chars;
    double width, height, xt, yt;
    if (!PyArg_ParseTuple(args, "O!dddd", &PyList_Type, &chars, &width, &height, &xt, &yt))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    PyObject *words = PyList_New(0);
    if (words == NULL)
        return NULL;
    if (n == 0)
        return Py_BuildValue("(nON)", (Py_ssize_t)0, EMPTY, words);
    ch_t *cs = PyMem_Malloc((size_t)n * sizeof(ch_t));
    Py_ssize_t *kept = PyMem_Malloc((size_t)n * sizeof(Py_ssize_t));
    char *is_kept = PyMem_Calloc((size_t)n, 1);
    PyObject *result = NULL;
    if (!cs || !kept || !is_kept) {
        PyErr_NoMemory();
        goto done;
    }
    /* the list holds the dicts, the dicts their values, for this call: borrowed */
    Py_ssize_t naligned = 0;
    PyObject *last_m = NULL;   /* borrowed: held by a dict of the list */
    char last_ok = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int rc = load_char(PyList_GET_ITEM(chars, i), &cs[i], &last_m, &last_ok);
        if (rc < 0)
            goto done;
        if (rc == 0) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
        naligned += cs[i].aligned;
    }
    /* clean_chars: upright characters (all upright-flagged ones on a page of
     * mostly rotated text), on the page, at least 1pt */
    Py_ssize_t nk = 0;
    int by_flag = naligned < 0.5 * n;
    if (by_flag) {
        Py_ssize_t nup = 0;
        for (Py_ssize_t i = 0; i < n; i++)
            nup += cs[i].upright;
        by_flag = nup > 0 ? 1 : 2;   /* 2: none is upright: all of them */
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        ch_t *c = &cs[i];
        int take = by_flag == 0 ? c->aligned : by_flag == 1 ? c->upright : 1;
        if (take && c->x1 > -1 && c->x0 < width + 1 && c->bottom > -1 && c->top < height + 1 && c->size >= 1.0)
            kept[nk++] = i;
    }
    nk = drop_duplicates(cs, kept, nk);
    if (nk < 0)
        goto done;
    nk = drop_overprinted(cs, kept, nk);
    if (nk < 0)
        goto done;
    /* the dropped characters' text, before mark_scripts changes any */
    PyObject *dropped_text;
    if (nk == n) {
        dropped_text = EMPTY;
        Py_INCREF(dropped_text);
    } else {
        for (Py_ssize_t k = 0; k < nk; k++)
            is_kept[kept[k]] = 1;
        PyObject *parts = PyList_New(0);
        if (parts == NULL)
            goto done;
        for (Py_ssize_t i = 0; i < n; i++)
            if (!is_kept[i] && PyList_Append(parts, cs[i].text) < 0) {
                Py_DECREF(parts);
                goto done;
            }
        dropped_text = PyUnicode_Join(EMPTY, parts);
        Py_DECREF(parts);
        if (dropped_text == NULL)
            goto done;
    }
    if (mark_scripts(cs, kept, nk) < 0 || extract_words(cs, kept, nk, xt, yt, words) < 0) {
        Py_DECREF(dropped_text);
        goto done;
    }
    result = Py_BuildValue("(nNO)", n - nk, dropped_text, words);
done:
    PyMem_Free(cs);
    PyMem_Free(kept);
    PyMem_Free(is_kept);
    Py_DECREF(words);
    return result;
}

static PyMethodDef methods[] = {
    {"page", page, METH_VARARGS, "One page's cleaned characters' words: see the module source."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdf_words",
                                    "The PDF loader's per-character work on a page, in C.", -1, methods};

PyMODINIT_FUNC PyInit__pdf_words(void) {
#define KEY(var, s) if ((var = PyUnicode_InternFromString(s)) == NULL) return NULL;
    KEY(K_text, "text") KEY(K_fontname, "fontname") KEY(K_size, "size") KEY(K_upright, "upright")
    KEY(K_matrix, "matrix") KEY(K_x0, "x0") KEY(K_x1, "x1") KEY(K_top, "top") KEY(K_bottom, "bottom")
    KEY(EMPTY, "") KEY(SPACE, " ")
#undef KEY
    if ((NBSP = PyUnicode_FromOrdinal(0xA0)) == NULL || (TWO = PyLong_FromLong(2)) == NULL ||
        (CLOSERS = PyUnicode_FromString(".,;:)\xe2\x80\x99'\"\xe2\x80\x9d")) == NULL)
        return NULL;
    return PyModule_Create(&module);
}
