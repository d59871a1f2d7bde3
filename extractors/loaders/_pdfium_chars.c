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

typedef struct { float left, top, right, bottom; } rectf;
typedef unsigned int (*get_unicode_fn)(void *, int);
typedef int (*flag_fn)(void *, int);
typedef int (*box_fn)(void *, int, rectf *);
typedef void *(*object_fn)(void *, int);

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
    for (int k = 0; k < 6; k++) {
        ptrs[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(fns, k));
        if (ptrs[k] == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "a PDFium function address is null");
            return NULL;
        }
    }
    get_unicode_fn get_unicode = (get_unicode_fn)ptrs[0];
    flag_fn is_generated = (flag_fn)ptrs[1], is_hyphen = (flag_fn)ptrs[2], map_error = (flag_fn)ptrs[3];
    box_fn get_box = (box_fn)ptrs[4];
    object_fn text_object = (object_fn)ptrs[5];
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

static PyMethodDef methods[] = {
    {"read", read_glyphs, METH_VARARGS, "Read a PDFium text page's characters: see the module source."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_chars",
                                    "The loader's per-character read of a PDFium text page, in C.", -1, methods};

PyMODINIT_FUNC PyInit__pdfium_chars(void) { return PyModule_Create(&module); }
