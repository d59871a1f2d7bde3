/*
 * The PDF loader's per-character read of a PDFium text page, in C (issue 16).
 *
 * pdfium_objects._read_chars makes about five ctypes calls for each of the
 * ~2 million characters of a corpus; this module makes those calls from C
 * and hands back one record per character that the loader keeps.  It links
 * against nothing: the caller passes the addresses of PDFium's functions as
 * pypdfium2 has loaded them, so the same PDFium build serves both paths.
 *
 * read(textpage, count, functions) -> (index, unicode, map_error, boxes, objects)
 *   textpage   address of an FPDF_TEXTPAGE
 *   count      FPDFText_CountChars of it
 *   functions  addresses of FPDFText_GetUnicode, FPDFText_IsGenerated,
 *              FPDFText_IsHyphen, FPDFText_HasUnicodeMapError,
 *              FPDFText_GetLooseCharBox, FPDFText_GetTextObject
 * Each result is a bytes object of native values, one per kept character:
 *   index int32, unicode uint32 (a line-end hyphen marker already '-'),
 *   map_error uint8, boxes 4 x float64 (left, right, bottom, top),
 *   objects uint64 (the text object's address, 0 when none).
 *
 * The characters skipped are exactly those _py_glyphs skips (PDFium's
 * generated spaces and line breaks, empty and non-characters, lone
 * surrogates, glyphs without a box); tests/test_loader_pdfium.py checks the
 * two agree on corpus pages.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#include <math.h>

typedef struct { float left, top, right, bottom; } rectf;
typedef unsigned int (*get_unicode_fn)(void *, int);
typedef int (*flag_fn)(void *, int);
typedef int (*box_fn)(void *, int, rectf *);
typedef void *(*object_fn)(void *, int);


/* The glyph records of the characters the loader keeps (see the top of the
 * file): fills idx/uni/mer/box/obj (room for n each, 4n in box) and returns
 * how many. */
static Py_ssize_t glyphs(void *tp, int n, void *const *ptrs, int32_t *idx, uint32_t *uni, uint8_t *mer, double *box,
                         uint64_t *obj) {
    get_unicode_fn get_unicode = (get_unicode_fn)ptrs[0];
    flag_fn is_generated = (flag_fn)ptrs[1], is_hyphen = (flag_fn)ptrs[2], map_error = (flag_fn)ptrs[3];
    box_fn get_box = (box_fn)ptrs[4];
    object_fn text_object = (object_fn)ptrs[5];
    Py_ssize_t k = 0;
    for (int i = 0; i < n; i++) {
        unsigned int u = get_unicode(tp, i);
        if (u == 0x20 || u == 0x0D || u == 0x0A) {
            /* PDFium's generated spaces and line breaks are its guesses from gaps */
            if (u != 0x20 || is_generated(tp, i) == 1)
                continue;
        } else if (u == 2 || u == 0xFFFE) {
            /* PDFium's mark for a hyphen at a line end: the PDF drew '-' */
            if (u == 2 || is_hyphen(tp, i) == 1)
                u = 0x2D;
            else
                continue;
        } else if (u == 0 || u == 0xFFFF) {
            continue;
        } else if (u >= 0xD800 && u < 0xE000) {
            continue; /* a lone surrogate half */
        }
        rectf r;
        if (!get_box(tp, i, &r))
            continue;
        idx[k] = i;
        uni[k] = u;
        mer[k] = (u >= 0x80 && map_error(tp, i) == 1) ? 1 : 0;
        box[4 * k] = r.left;
        box[4 * k + 1] = r.right;
        box[4 * k + 2] = r.bottom;
        box[4 * k + 3] = r.top;
        obj[k] = (uint64_t)(uintptr_t)text_object(tp, i);
        k++;
    }
    return k;
}

/* The PDFium function addresses a caller passes as a tuple of ints, into
   `ptrs`; 0 with an exception set when one is not an address. */
static int function_addresses(PyObject *fns, void **ptrs, int n) {
    for (int k = 0; k < n; k++) {
        ptrs[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(fns, k));
        if (ptrs[k] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a PDFium function address is null");
            return 0;
        }
    }
    return 1;
}

static PyObject *read_glyphs(PyObject *self, PyObject *args) {
    unsigned long long tp_addr;
    int n;
    PyObject *fns;
    if (!PyArg_ParseTuple(args, "KiO!", &tp_addr, &n, &PyTuple_Type, &fns))
        return NULL;
    if (PyTuple_GET_SIZE(fns) != 6 || n < 0) {
        PyErr_SetString(PyExc_ValueError, "read(textpage, count, 6 function addresses)");
        return NULL;
    }
    void *ptrs[6];
    if (!function_addresses(fns, ptrs, 6))
        return NULL;
    void *tp = (void *)(uintptr_t)tp_addr;

    size_t cap = n > 0 ? (size_t)n : 1;
    int32_t *idx = PyMem_Malloc(cap * sizeof(int32_t));
    uint32_t *uni = PyMem_Malloc(cap * sizeof(uint32_t));
    uint8_t *mer = PyMem_Malloc(cap);
    double *box = PyMem_Malloc(cap * 4 * sizeof(double));
    uint64_t *obj = PyMem_Malloc(cap * sizeof(uint64_t));
    PyObject *out = NULL;
    if (!idx || !uni || !mer || !box || !obj) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t k = glyphs(tp, n, ptrs, idx, uni, mer, box, obj);
    out = Py_BuildValue("(y#y#y#y#y#)", (const char *)idx, k * (Py_ssize_t)sizeof(int32_t),
                        (const char *)uni, k * (Py_ssize_t)sizeof(uint32_t), (const char *)mer, k,
                        (const char *)box, k * 4 * (Py_ssize_t)sizeof(double),
                        (const char *)obj, k * (Py_ssize_t)sizeof(uint64_t));
done:
    PyMem_Free(idx);
    PyMem_Free(uni);
    PyMem_Free(mer);
    PyMem_Free(box);
    PyMem_Free(obj);
    return out;
}


/*
 * chars(textpage, count, functions, top_y, order) -> (chars, seqs, rotated)
 *
 * What pdfium_objects._read_chars does with the glyph records, in C: one
 * pdfplumber char dict per character (ligature letters PDFium splits over one
 * glyph box joined back into one char), the drawing order of each one's text
 * object, and how many are rotated. `functions` are the six addresses read()
 * takes, then FPDFText_GetMatrix, FPDFText_GetFontInfo, FPDFText_GetFontSize;
 * `order` maps a text object's address (-1 for none) to its drawing order.
 * The arithmetic is Python's (doubles, no fused multiply-add: setup.py), so
 * the dicts are equal value for value; tests/test_loader_pdfium.py checks it.
 */
typedef struct { float a, b, c, d, e, f; } matrixf;
typedef int (*matrix_fn)(void *, int, matrixf *);
typedef unsigned long (*fontinfo_fn)(void *, int, void *, unsigned long, int *);
typedef double (*fontsize_fn)(void *, int);

static PyObject *K_object_type, *K_text, *K_fontname, *K_size, *K_upright, *K_matrix, *K_x0, *K_x1, *K_y0, *K_y1,
    *K_top, *K_bottom, *K_width, *K_height, *K_doctop, *V_char, *TEMPLATE;

typedef struct {   /* one text object's font, size and matrix (_read_chars' per_object) */
    uint64_t key;
    PyObject *name, *mat, *seq;
    double size;
    int upright, straight, used;
} objinfo;

static PyObject *read_chars(PyObject *self, PyObject *args) {
    unsigned long long tp_addr;
    int n;
    PyObject *fns, *order;
    double top_y;
    if (!PyArg_ParseTuple(args, "KiO!dO!", &tp_addr, &n, &PyTuple_Type, &fns, &top_y, &PyDict_Type, &order))
        return NULL;
    if (PyTuple_GET_SIZE(fns) != 9 || n < 0) {
        PyErr_SetString(PyExc_ValueError, "chars(textpage, count, 9 function addresses, top_y, order)");
        return NULL;
    }
    void *ptrs[9];
    if (!function_addresses(fns, ptrs, 9))
        return NULL;
    matrix_fn get_matrix = (matrix_fn)ptrs[6];
    fontinfo_fn get_font_info = (fontinfo_fn)ptrs[7];
    fontsize_fn get_font_size = (fontsize_fn)ptrs[8];
    void *tp = (void *)(uintptr_t)tp_addr;

    size_t cap = n > 0 ? (size_t)n : 1;
    int32_t *idx = PyMem_Malloc(cap * sizeof(int32_t));
    uint32_t *uni = PyMem_Malloc(cap * sizeof(uint32_t));
    uint8_t *mer = PyMem_Malloc(cap);
    double *box = PyMem_Malloc(cap * 4 * sizeof(double));
    uint64_t *obj = PyMem_Malloc(cap * sizeof(uint64_t));
    size_t hcap = 16;
    while (hcap < cap * 2)
        hcap <<= 1;
    objinfo *infos = PyMem_Calloc(hcap, sizeof(objinfo));
    PyObject *chars = NULL, *seqs = NULL, *out = NULL, *last_seq = NULL;
    if (!idx || !uni || !mer || !box || !obj || !infos) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t m = glyphs(tp, n, ptrs, idx, uni, mer, box, obj);
    chars = PyList_New(0);
    seqs = PyList_New(0);
    if (!chars || !seqs)
        goto done;
    last_seq = PyLong_FromLong(-1);
    if (!last_seq)
        goto done;
    matrixf mx = {0, 0, 0, 0, 0, 0};   /* as _read_chars' FS_MATRIX and name buffer: kept between objects */
    char namebuf[256];
    memset(namebuf, 0, sizeof namebuf);
    int flags = 0;
    Py_ssize_t rotated = 0;
    PyObject *last_dict = NULL;   /* borrowed: the last char appended */
    uint64_t last_key = 0;
    double lb0 = 0, lb1 = 0, lb2 = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        uint32_t u = uni[k];
        double left = box[4 * k], right = box[4 * k + 1], bottom = box[4 * k + 2], rect_top = box[4 * k + 3];
        uint64_t key = obj[k] ? obj[k] : (uint64_t)-1;   /* `or -1` */
        PyObject *text;
        if (mer[k]) {
            text = PyUnicode_FromFormat("(cid:%u)", (unsigned int)u);
        } else {
            switch (u) {   /* _LIGATURES */
            case 0xFB00: text = PyUnicode_FromString("ff"); break;
            case 0xFB01: text = PyUnicode_FromString("fi"); break;
            case 0xFB02: text = PyUnicode_FromString("fl"); break;
            case 0xFB03: text = PyUnicode_FromString("ffi"); break;
            case 0xFB04: text = PyUnicode_FromString("ffl"); break;
            case 0xFB05: case 0xFB06: text = PyUnicode_FromString("st"); break;
            default:
                if (u > 0x10FFFF) {
                    PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
                    goto done;
                }
                text = PyUnicode_FromOrdinal((int)u);
            }
        }
        if (text == NULL)
            goto done;
        if (last_dict != NULL && key == last_key && left == lb0 && right == lb1 && bottom == lb2) {
            int sp = PyUnicode_GET_LENGTH(text) > 0;
            for (Py_ssize_t q = 0; q < PyUnicode_GET_LENGTH(text) && sp; q++)
                if (!Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(text, q)))
                    sp = 0;
            if (!sp) {   /* one glyph, several letters: one char with all of them */
                PyObject *prev = PyDict_GetItemWithError(last_dict, K_text);
                if (prev == NULL) {
                    Py_DECREF(text);
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_KeyError, "text");
                    goto done;
                }
                PyObject *joined = PyUnicode_Concat(prev, text);
                Py_DECREF(text);
                if (joined == NULL)
                    goto done;
                int rc = PyDict_SetItem(last_dict, K_text, joined);
                Py_DECREF(joined);
                if (rc < 0)
                    goto done;
                continue;
            }
        }
        last_key = key;
        lb0 = left;
        lb1 = right;
        lb2 = bottom;
        /* the object's info, read at its first character */
        size_t h = (size_t)((key ^ (key >> 17)) * 0x9E3779B97F4A7C15ull) & (hcap - 1);
        while (infos[h].used && infos[h].key != key)
            h = (h + 1) & (hcap - 1);
        objinfo *info = &infos[h];
        if (!info->used) {
            get_matrix(tp, idx[k], &mx);
            double ma = mx.a, mb = mx.b, mc = mx.c, md = mx.d;
            unsigned long nlen = get_font_info(tp, idx[k], namebuf, 256, &flags);
            PyObject *name = nlen ? PyUnicode_DecodeUTF8(namebuf, (Py_ssize_t)strnlen(namebuf, 256), "replace")
                                  : PyUnicode_FromString("");
            if (name == NULL) {
                Py_DECREF(text);
                goto done;
            }
            double fsize = get_font_size(tp, idx[k]);
            double scale;
            if (fabs(mb) <= 0.02 * fabs(ma) && fabs(mc) <= 0.02 * fabs(md))
                scale = fabs(md);
            else
                scale = sqrt(fabs(ma * md - mb * mc));
            PyObject *mat = Py_BuildValue("(dddd)", ma, mb, mc, md);
            PyObject *pkey = key == (uint64_t)-1 ? PyLong_FromLong(-1) : PyLong_FromUnsignedLongLong(key);
            if (mat == NULL || pkey == NULL) {
                Py_XDECREF(mat);
                Py_XDECREF(pkey);
                Py_DECREF(name);
                Py_DECREF(text);
                goto done;
            }
            PyObject *seq = PyDict_GetItemWithError(order, pkey);   /* order.get(key, last_seq) */
            Py_DECREF(pkey);
            if (seq == NULL && PyErr_Occurred()) {
                Py_DECREF(mat);
                Py_DECREF(name);
                Py_DECREF(text);
                goto done;
            }
            if (seq == NULL)
                seq = last_seq;
            Py_INCREF(seq);
            info->used = 1;
            info->key = key;
            info->name = name;
            info->mat = mat;
            info->seq = seq;
            info->size = fsize * (scale != 0 ? scale : 1.0);
            info->upright = (ma * md > 0) && (mb * mc <= 0);
            info->straight = ma > 0 && md > 0 && fabs(mb) <= 0.02 * ma && fabs(mc) <= 0.02 * md;
        }
        if (!info->straight)
            rotated++;
        Py_INCREF(info->seq);
        Py_SETREF(last_seq, info->seq);
        double size = info->size, y0, y1;
        if (info->upright && size != 0) {
            y0 = bottom;
            y1 = y0 + size;
        } else {
            y0 = bottom;
            y1 = rect_top;
            if (size == 0)
                size = y1 - y0;
        }
        double top = top_y - y1;
        /* a copy of TEMPLATE (its keys, in pdfplumber's order) with this
         * character's values: CPython copies a dict's key table whole */
        PyObject *d = PyDict_Copy(TEMPLATE);
        if (d == NULL) {
            Py_DECREF(text);
            goto done;
        }
        PyObject *vals[15] = {NULL, text, info->name, NULL, info->upright ? Py_True : Py_False, info->mat,
                              NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
        PyObject *keys[15] = {K_object_type, K_text, K_fontname, K_size, K_upright, K_matrix, K_x0, K_x1, K_y0, K_y1,
                              K_top, K_bottom, K_width, K_height, K_doctop};
        double nums[15] = {0, 0, 0, size, 0, 0, left, right, y0, y1, top, top_y - y0, right - left, y1 - y0, top};
        int bad = 0;
        for (int q = 1; q < 15 && !bad; q++) {   /* (object_type is the template's "char") */
            PyObject *v = vals[q];
            int own = 0;
            if (v == NULL) {
                v = PyFloat_FromDouble(nums[q]);
                if (v == NULL) {
                    bad = 1;
                    break;
                }
                own = 1;
            }
            if (PyDict_SetItem(d, keys[q], v) < 0)
                bad = 1;
            if (own)
                Py_DECREF(v);
        }
        Py_DECREF(text);
        if (bad || PyList_Append(chars, d) < 0 || PyList_Append(seqs, info->seq) < 0) {
            Py_DECREF(d);
            goto done;
        }
        Py_DECREF(d);
        last_dict = d;   /* the list holds it */
    }
    out = Py_BuildValue("(OOn)", chars, seqs, rotated);
done:
    if (infos) {
        for (size_t q = 0; q < hcap; q++)
            if (infos[q].used) {
                Py_XDECREF(infos[q].name);
                Py_XDECREF(infos[q].mat);
                Py_XDECREF(infos[q].seq);
            }
    }
    Py_XDECREF(last_seq);
    Py_XDECREF(chars);
    Py_XDECREF(seqs);
    PyMem_Free(idx);
    PyMem_Free(uni);
    PyMem_Free(mer);
    PyMem_Free(box);
    PyMem_Free(obj);
    PyMem_Free(infos);
    return out;
}


/*
 * walk(page, functions, kinds) -> (order, paths, blanks)
 *
 * pdfium_objects._walk over a page's objects, in C: forms entered (their
 * matrices composed as _mul does), each text object numbered in drawing
 * order (order: address -> number, -1 for a null address), and what the
 * Python still does per object listed in drawing order:
 *   paths   (subpaths, fill, stroked, stroke colour, fill colour, line
 *           width) of each painted path object, as _path reads them:
 *           subpaths [(ops, points)], ops a str of 'm' 'l' 'c' 'h'
 *   blanks  (number, address, matrix, right) of each text object whose
 *           box is empty (no width or no height: only spaces) for
 *           _blank_spaces; right is the box's right edge
 * functions: addresses of FPDFPage_CountObjects, FPDFPage_GetObject,
 * FPDFPageObj_GetType, FPDFPageObj_GetMatrix, FPDFFormObj_CountObjects,
 * FPDFFormObj_GetObject, FPDFPageObj_GetBounds, FPDFPath_GetDrawMode,
 * FPDFPath_CountSegments, FPDFPath_GetPathSegment, FPDFPathSegment_GetPoint,
 * FPDFPathSegment_GetType, FPDFPathSegment_GetClose,
 * FPDFPageObj_GetStrokeColor, FPDFPageObj_GetFillColor,
 * FPDFPageObj_GetStrokeWidth, FPDFPageObj_GetType; kinds: the TEXT, PATH
 * and FORM object types, then the LINETO, BEZIERTO and MOVETO segment types.
 */
typedef int (*count_fn)(void *);
typedef void *(*getobj_fn)(void *, int);
typedef void *(*formobj_fn)(void *, unsigned long);
typedef int (*objmatrix_fn)(void *, matrixf *);
typedef int (*bounds_fn)(void *, float *, float *, float *, float *);
typedef int (*drawmode_fn)(void *, int *, int *);
typedef int (*point_fn)(void *, float *, float *);
typedef int (*colour_fn)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *);
typedef int (*width_fn)(void *, float *);


typedef struct {
    count_fn form_count;
    formobj_fn form_get;
    count_fn get_type;
    objmatrix_fn get_matrix;
    bounds_fn get_bounds;
    int text, path, form, seg_line, seg_bezier, seg_move;
    drawmode_fn draw_mode;
    count_fn seg_count;
    getobj_fn get_seg;
    point_fn seg_point;
    count_fn seg_type, seg_close;
    colour_fn stroke_colour, fill_colour;
    width_fn stroke_width;
    PyObject *order, *paths, *blanks;
} walker;

/* the (ops, points) of a subpath: ops as a str ("mlllh"), points a list */
static int end_subpath(PyObject *subpaths, const char *ops, Py_ssize_t nops, PyObject *pts) {
    PyObject *t = Py_BuildValue("(s#O)", ops, nops, pts);
    if (t == NULL)
        return -1;
    int rc = PyList_Append(subpaths, t);
    Py_DECREF(t);
    return rc;
}

static PyObject *colour(colour_fn get, void *obj) {   /* _colour */
    unsigned int r = 0, g = 0, b = 0, a = 0;
    if (!get(obj, &r, &g, &b, &a))
        Py_RETURN_NONE;
    return Py_BuildValue("(ddd)", (double)r / 255, (double)g / 255, (double)b / 255);
}

/* pdfium_objects._path up to its subpaths, colours and line width:
 * appends (subpaths, fill, stroked, stroke colour, fill colour, line width)
 * to w->paths for a painted path, nothing otherwise; -1 on error */
static int read_path(walker *w, void *obj, const double *parent) {
    double own[6] = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    matrixf fm;
    if (w->get_matrix(obj, &fm)) {
        own[0] = fm.a; own[1] = fm.b; own[2] = fm.c; own[3] = fm.d; own[4] = fm.e; own[5] = fm.f;
    }
    const double *p = parent;
    double a = own[0] * p[0] + own[1] * p[2], b = own[0] * p[1] + own[1] * p[3];
    double c = own[2] * p[0] + own[3] * p[2], d = own[2] * p[1] + own[3] * p[3];
    double e = own[4] * p[0] + own[5] * p[2] + p[4], f = own[4] * p[1] + own[5] * p[3] + p[5];
    int fillmode = 0, stroke = 0;
    if (!w->draw_mode(obj, &fillmode, &stroke))
        return 0;
    int fill = fillmode != 0, stroked = stroke != 0;
    if (!fill && !stroked)
        return 0;   /* a clipping-only or invisible path */
    int n = w->seg_count(obj);
    if (n <= 0)
        return 0;
    PyObject *subpaths = PyList_New(0), *pts = NULL;
    char *ops = PyMem_Malloc((size_t)n * 2 + 2);   /* at most two ops a segment */
    if (subpaths == NULL || ops == NULL) {
        Py_XDECREF(subpaths);
        PyMem_Free(ops);
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t nops = 0;
    int bez = 0;
    float x = 0, y = 0;   /* as _path's c_floats: kept when a point cannot be read */
    for (int k = 0; k < n; k++) {
        void *seg = w->get_seg(obj, k);
        w->seg_point(seg, &x, &y);
        double px = x, py = y;
        PyObject *pt = Py_BuildValue("(dd)", a * px + c * py + e, b * px + d * py + f);
        if (pt == NULL)
            goto fail;
        int kind = w->seg_type(seg);
        int rc = 0;
        if (kind == w->seg_move) {
            if (nops && end_subpath(subpaths, ops, nops, pts) < 0)
                rc = -1;
            Py_XDECREF(pts);
            pts = PyList_New(0);
            if (pts == NULL)
                rc = -1;
            nops = 0;
            ops[nops++] = 'm';
            if (rc == 0)
                rc = PyList_Append(pts, pt);
            bez = 0;
        } else if (kind == w->seg_line) {
            if (!nops) {
                Py_XDECREF(pts);
                pts = PyList_New(0);
                if (pts == NULL)
                    rc = -1;
                ops[nops++] = 'm';
            } else {
                ops[nops++] = 'l';
            }
            if (rc == 0)
                rc = PyList_Append(pts, pt);
        } else if (kind == w->seg_bezier) {
            bez++;
            if (bez == 3) {   /* control, control, end: one 'c' ending at the end point */
                if (pts == NULL && (pts = PyList_New(0)) == NULL)
                    rc = -1;
                ops[nops++] = 'c';
                if (rc == 0)
                    rc = PyList_Append(pts, pt);
                bez = 0;
            }
        }
        Py_DECREF(pt);
        if (rc < 0)
            goto fail;
        if (w->seg_close(seg) && nops) {
            ops[nops++] = 'h';
            if (PyList_Append(pts, PyList_GET_ITEM(pts, 0)) < 0)
                goto fail;
        }
    }
    if (nops && end_subpath(subpaths, ops, nops, pts) < 0)
        goto fail;
    Py_CLEAR(pts);
    PyMem_Free(ops);
    ops = NULL;
    PyObject *sc = stroked ? colour(w->stroke_colour, obj) : (Py_INCREF(Py_None), Py_None);
    PyObject *nc = fill ? colour(w->fill_colour, obj) : (Py_INCREF(Py_None), Py_None);
    float lw = 0;
    double linewidth = w->stroke_width(obj, &lw) ? (double)lw : 0.0;
    if (sc == NULL || nc == NULL) {
        Py_XDECREF(sc);
        Py_XDECREF(nc);
        Py_DECREF(subpaths);
        return -1;
    }
    PyObject *t = Py_BuildValue("(NOONNd)", subpaths, fill ? Py_True : Py_False, stroked ? Py_True : Py_False, sc, nc,
                                linewidth);
    if (t == NULL)
        return -1;
    int rc = PyList_Append(w->paths, t);
    Py_DECREF(t);
    return rc;
fail:
    Py_XDECREF(pts);
    Py_DECREF(subpaths);
    PyMem_Free(ops);
    return -1;
}

static PyObject *matrix_tuple(const double *m) { return Py_BuildValue("(dddddd)", m[0], m[1], m[2], m[3], m[4], m[5]); }

static int walk_obj(walker *w, void *obj, const double *parent, PyObject *parent_tuple, int depth) {
    int kind = w->get_type(obj);
    if (kind == w->form) {
        if (depth > 500) {
            PyErr_SetString(PyExc_RecursionError, "forms nested too deeply");
            return -1;
        }
        double own[6] = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
        matrixf fm;
        if (w->get_matrix(obj, &fm)) {
            own[0] = fm.a; own[1] = fm.b; own[2] = fm.c; own[3] = fm.d; own[4] = fm.e; own[5] = fm.f;
        }
        const double *p = parent;
        double m[6] = {own[0] * p[0] + own[1] * p[2], own[0] * p[1] + own[1] * p[3],
                       own[2] * p[0] + own[3] * p[2], own[2] * p[1] + own[3] * p[3],
                       own[4] * p[0] + own[5] * p[2] + p[4], own[4] * p[1] + own[5] * p[3] + p[5]};
        PyObject *mt = NULL;   /* made when a child needs it */
        int n = w->form_count(obj);
        int rc = 0;
        for (int j = 0; j < n && rc == 0; j++) {
            void *child = w->form_get(obj, (unsigned long)j);
            if (child == NULL)
                continue;
            if (mt == NULL) {
                mt = matrix_tuple(m);
                if (mt == NULL)
                    return -1;
            }
            rc = walk_obj(w, child, m, mt, depth + 1);
        }
        Py_XDECREF(mt);
        return rc;
    }
    if (kind == w->path)
        return read_path(w, obj, parent);
    if (kind == w->text) {
        Py_ssize_t seq = PyDict_GET_SIZE(w->order);
        PyObject *key = PyLong_FromUnsignedLongLong((unsigned long long)(uintptr_t)obj);
        PyObject *val = PyLong_FromSsize_t(seq);
        if (key == NULL || val == NULL || PyDict_SetItem(w->order, key, val) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(val);
            return -1;
        }
        Py_DECREF(key);
        float l, b, r, t;
        if (!w->get_bounds(obj, &l, &b, &r, &t)) {
            Py_DECREF(val);
            return 0;
        }
        if (fabs((double)r - (double)l) >= 0.01 && fabs((double)t - (double)b) >= 0.01) {
            Py_DECREF(val);
            return 0;   /* a visible glyph: PDFium's text page has its characters */
        }
        PyObject *e = Py_BuildValue("(NKOd)", val, (unsigned long long)(uintptr_t)obj, parent_tuple, (double)r);
        if (e == NULL)
            return -1;
        int rc = PyList_Append(w->blanks, e);
        Py_DECREF(e);
        return rc;
    }
    return 0;
}

static PyObject *walk_page(PyObject *self, PyObject *args) {
    unsigned long long page_addr;
    PyObject *fns;
    walker w;
    if (!PyArg_ParseTuple(args, "KO!(iiiiii)", &page_addr, &PyTuple_Type, &fns, &w.text, &w.path, &w.form,
                          &w.seg_line, &w.seg_bezier, &w.seg_move))
        return NULL;
    if (PyTuple_GET_SIZE(fns) != 17) {
        PyErr_SetString(PyExc_ValueError, "walk(page, 17 function addresses, kinds)");
        return NULL;
    }
    void *ptrs[17];
    if (!function_addresses(fns, ptrs, 17))
        return NULL;
    count_fn page_count = (count_fn)ptrs[0];
    getobj_fn page_get = (getobj_fn)ptrs[1];
    w.get_type = (count_fn)ptrs[2];
    w.get_matrix = (objmatrix_fn)ptrs[3];
    w.form_count = (count_fn)ptrs[4];
    w.form_get = (formobj_fn)ptrs[5];
    w.get_bounds = (bounds_fn)ptrs[6];
    w.draw_mode = (drawmode_fn)ptrs[7];
    w.seg_count = (count_fn)ptrs[8];
    w.get_seg = (getobj_fn)ptrs[9];
    w.seg_point = (point_fn)ptrs[10];
    w.seg_type = (count_fn)ptrs[11];
    w.seg_close = (count_fn)ptrs[12];
    w.stroke_colour = (colour_fn)ptrs[13];
    w.fill_colour = (colour_fn)ptrs[14];
    w.stroke_width = (width_fn)ptrs[15];
    /* ptrs[16]: reserved (FPDFPageObj_GetType again), so the tuple's layout stays fixed */
    void *pg = (void *)(uintptr_t)page_addr;
    w.order = PyDict_New();
    w.paths = PyList_New(0);
    w.blanks = PyList_New(0);
    static const double ident[6] = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    PyObject *it = matrix_tuple(ident);
    PyObject *out = NULL;
    if (w.order && w.paths && w.blanks && it) {
        int n = page_count(pg), rc = 0;
        for (int i = 0; i < n && rc == 0; i++) {
            void *obj = page_get(pg, i);
            if (obj != NULL)
                rc = walk_obj(&w, obj, ident, it, 0);
        }
        if (rc == 0)
            out = Py_BuildValue("(OOO)", w.order, w.paths, w.blanks);
    }
    Py_XDECREF(it);
    Py_XDECREF(w.order);
    Py_XDECREF(w.paths);
    Py_XDECREF(w.blanks);
    return out;
}

static PyMethodDef methods[] = {
    {"read", read_glyphs, METH_VARARGS, "Read a PDFium text page's characters: see the module source."},
    {"walk", walk_page, METH_VARARGS, "A PDFium page's objects in drawing order: see the source."},
    {"chars", read_chars, METH_VARARGS, "A PDFium text page's characters as pdfplumber char dicts: see the source."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_chars",
                                    "The loader's per-character read of a PDFium text page, in C.", -1, methods};

PyMODINIT_FUNC PyInit__pdfium_chars(void) {
#define KEY(var, s) if ((var = PyUnicode_InternFromString(s)) == NULL) return NULL;
    KEY(K_object_type, "object_type") KEY(K_text, "text") KEY(K_fontname, "fontname") KEY(K_size, "size")
    KEY(K_upright, "upright") KEY(K_matrix, "matrix") KEY(K_x0, "x0") KEY(K_x1, "x1") KEY(K_y0, "y0") KEY(K_y1, "y1")
    KEY(K_top, "top") KEY(K_bottom, "bottom") KEY(K_width, "width") KEY(K_height, "height") KEY(K_doctop, "doctop")
    KEY(V_char, "char")
#undef KEY
    /* the char dict's keys in pdfplumber's order (all str: a compact key table) */
    TEMPLATE = PyDict_New();
    if (TEMPLATE == NULL)
        return NULL;
    PyObject *keys[15] = {K_object_type, K_text, K_fontname, K_size, K_upright, K_matrix, K_x0, K_x1, K_y0, K_y1,
                          K_top, K_bottom, K_width, K_height, K_doctop};
    for (int q = 0; q < 15; q++)
        if (PyDict_SetItem(TEMPLATE, keys[q], q == 0 ? V_char : Py_None) < 0)
            return NULL;
    return PyModule_Create(&module);
}
