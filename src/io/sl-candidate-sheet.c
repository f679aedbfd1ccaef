/* SPDX-License-Identifier: GPL-3.0-or-later
 * SPDX-FileCopyrightText: 2026 Shortlist developers
 */
/* sl-candidate-sheet.c — the candidate list as an XLSX workbook, written as it is read
 *
 * A workbook is a zip of XML parts. libxlsxwriter, which writes the reports' workbooks, keeps
 * a sheet in a temporary file and deflates it when the workbook is closed, on one thread: for
 * 100,000 candidates (about 120 MB of XML) the deflating alone takes a second. Here the sheet's
 * XML is made straight from the rows and handed to a second thread, which deflates it as it
 * comes and writes it to the file; the few small parts follow when the sheet is done.
 *
 * The workbook has what libxlsxwriter's had: one sheet with the same columns as the CSV, a
 * bold header row that stays in view and filters, numbers as numbers, times as dates (UTC),
 * column widths and the document's title. Text is written as inline strings.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "sl-candidate-json.h"
#include "sl-report-export-private.h"

/* The most characters a cell holds, and the most rows a sheet does */
#define STRING_MAX 32767
#define ROW_MAX 1048576

/* The sheet's XML goes to the deflating thread in pieces of about this size, with at most
 * this many pieces made and not deflated yet */
#define PIECE_SIZE (1024 * 1024)
#define N_PIECES 4

/* zlib's fastest: at level 6 the deflating would take longer than everything else */
#define SHEET_LEVEL 1

/* 1980-01-01 00:00 in MS-DOS form, as libxlsxwriter dates its parts */
#define DOS_TIME 0
#define DOS_DATE ((0 << 9) | (1 << 5) | 1)

typedef struct
{
  char *name;
  guint32 crc;
  guint32 compressed;
  guint32 size;
  guint32 offset;
} ZipEntry;

/* The thread that deflates the sheet and writes it */
typedef struct
{
  GThread *thread;
  GAsyncQueue *full;  /* GString pieces to deflate, then `finish` */
  GAsyncQueue *empty; /* pieces to fill again */
  SlExportFile *file;
  z_stream stream;
  guint32 crc;
  guint64 size;
  guint64 compressed;
  int failed;  /* atomic: writing failed; `error` says why */
  int aborted; /* atomic: stop, write nothing more */
  GError *error;
  guchar out[256 * 1024];
} Deflater;

struct _SlCandidateSheet
{
  SlExportFile *file;
  GArray *entries; /* ZipEntry */
  guint64 offset;  /* where the next byte goes in the file */
  Deflater *deflater;
  guint64 handed; /* bytes of XML handed to it */
  GString *piece; /* the XML being made */
  GString *scratch;
  char (*columns)[4];    /* “A”, “B”, … “Z”, “AA”, … */
  guint8 *column_length; /* of each name */
  guint n_columns;
  guint row;         /* the last row written, 1 for the header */
  char row_text[16]; /* its number, for the cells' references */
  gsize row_length;
};

/* Appends @length bytes of @data: the sheet is made of millions of short pieces, for which
 * g_string_append_len () costs more than the copy */
static inline void
put (GString *out, const char *data, gsize length)
{
  if (out->len + length >= out->allocated_len)
    {
      gsize len = out->len;

      g_string_set_size (out, len + length);
      out->len = len;
    }
  memcpy (out->str + out->len, data, length);
  out->len += length;
  out->str[out->len] = '\0';
}

/* Appends a string literal */
#define APPEND(out, literal) put ((out), "" literal, sizeof (literal) - 1)

/* A marker in the queue: the sheet is complete */
static GString finish;

static void
put16 (GString *out, guint v)
{
  g_string_append_c (out, (char) (v & 0xff));
  g_string_append_c (out, (char) ((v >> 8) & 0xff));
}

static void
put32 (GString *out, guint32 v)
{
  put16 (out, v & 0xffff);
  put16 (out, v >> 16);
}

static gboolean
write_out (SlCandidateSheet *sheet, GString *data, GError **error)
{
  if (!sl_export_file_write (sheet->file, data->str, data->len, error))
    return FALSE;
  sheet->offset += data->len;
  return TRUE;
}

/* A local file header; with @entry's sizes, or 0 and a data descriptor after the data */
static void
local_header (GString *out, const ZipEntry *entry, gboolean descriptor)
{
  put32 (out, 0x04034b50);
  put16 (out, 20);
  put16 (out, descriptor ? 0x0008 : 0);
  put16 (out, Z_DEFLATED);
  put16 (out, DOS_TIME);
  put16 (out, DOS_DATE);
  put32 (out, descriptor ? 0 : entry->crc);
  put32 (out, descriptor ? 0 : entry->compressed);
  put32 (out, descriptor ? 0 : entry->size);
  put16 (out, (guint) strlen (entry->name));
  put16 (out, 0);
  g_string_append (out, entry->name);
}

static void
zip_entry_clear (gpointer data)
{
  g_free (((ZipEntry *) data)->name);
}

static gboolean
too_large (SlCandidateSheet *sheet, guint64 size, GError **error)
{
  if (size <= G_MAXUINT32 && sheet->offset + size <= G_MAXUINT32)
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _ ("These candidates make too large a spreadsheet; export them as CSV"));
  return TRUE;
}

/* A small part, deflated at once */
static gboolean
add_part (SlCandidateSheet *sheet, const char *name, const char *text, GError **error)
{
  gsize size = strlen (text);
  uLongf compressed_size = compressBound ((uLong) size);
  g_autofree guchar *compressed = g_malloc (compressed_size);
  g_autoptr (GString) out = g_string_new (NULL);
  z_stream stream = { 0 };
  ZipEntry entry = { g_strdup (name), 0, 0, (guint32) size, (guint32) sheet->offset };

  if (deflateInit2 (&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    g_error ("zlib: %s", stream.msg ? stream.msg : "deflateInit2");
  stream.next_in = (Bytef *) text;
  stream.avail_in = (uInt) size;
  stream.next_out = compressed;
  stream.avail_out = (uInt) compressed_size;
  if (deflate (&stream, Z_FINISH) != Z_STREAM_END)
    g_error ("zlib: %s", stream.msg ? stream.msg : "deflate");
  entry.compressed = (guint32) stream.total_out;
  deflateEnd (&stream);
  entry.crc = (guint32) crc32 (crc32 (0, NULL, 0), (const Bytef *) text, (uInt) size);
  g_array_append_val (sheet->entries, entry);

  local_header (out, &entry, FALSE);
  g_string_append_len (out, (const char *) compressed, entry.compressed);
  return write_out (sheet, out, error);
}

/* The deflating thread */

static void
deflate_write (Deflater *deflater, const char *data, gsize length, int flush)
{
  int rc;

  deflater->stream.next_in = (Bytef *) data;
  deflater->stream.avail_in = (uInt) length;
  do
    {
      gsize have;

      deflater->stream.next_out = deflater->out;
      deflater->stream.avail_out = sizeof deflater->out;
      rc = deflate (&deflater->stream, flush);
      if (rc == Z_STREAM_ERROR)
        g_error ("zlib: %s", deflater->stream.msg ? deflater->stream.msg : "deflate");
      have = sizeof deflater->out - deflater->stream.avail_out;
      deflater->compressed += have;
      if (have > 0 && !g_atomic_int_get (&deflater->failed) &&
          !sl_export_file_write (deflater->file, deflater->out, have, &deflater->error))
        g_atomic_int_set (&deflater->failed, TRUE);
    }
  while (deflater->stream.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

static gpointer
deflate_thread (gpointer data)
{
  Deflater *deflater = data;

  for (;;)
    {
      GString *piece = g_async_queue_pop (deflater->full);

      if (g_atomic_int_get (&deflater->aborted))
        {
          if (piece == &finish)
            break;
        }
      else if (piece == &finish)
        {
          deflate_write (deflater, NULL, 0, Z_FINISH);
          break;
        }
      else
        {
          deflater->crc =
            (guint32) crc32 (deflater->crc, (const Bytef *) piece->str, (uInt) piece->len);
          deflater->size += piece->len;
          deflate_write (deflater, piece->str, piece->len, Z_NO_FLUSH);
        }
      g_string_truncate (piece, 0);
      g_async_queue_push (deflater->empty, piece);
    }
  return NULL;
}

static void
piece_free (gpointer piece)
{
  g_string_free (piece, TRUE);
}

static Deflater *
deflater_start (SlExportFile *file)
{
  Deflater *deflater = g_new0 (Deflater, 1);

  deflater->file = file;
  deflater->full = g_async_queue_new ();
  deflater->empty = g_async_queue_new_full (piece_free);
  for (guint i = 0; i < N_PIECES; i++)
    g_async_queue_push (deflater->empty, g_string_sized_new (PIECE_SIZE + 64 * 1024));
  deflater->crc = (guint32) crc32 (0, NULL, 0);
  if (deflateInit2 (&deflater->stream, SHEET_LEVEL, Z_DEFLATED, -MAX_WBITS, 8,
                    Z_DEFAULT_STRATEGY) != Z_OK)
    g_error ("zlib: deflateInit2");
  deflater->thread = g_thread_new ("sl-xlsx-deflate", deflate_thread, deflater);
  return deflater;
}

/* Waits for the thread to end: when @abort, without writing what is left */
static void
deflater_stop (Deflater *deflater, gboolean abort)
{
  GString *piece;

  if (abort)
    g_atomic_int_set (&deflater->aborted, TRUE);
  g_async_queue_push (deflater->full, &finish);
  g_thread_join (deflater->thread);
  deflateEnd (&deflater->stream);
  while ((piece = g_async_queue_try_pop (deflater->full)) != NULL)
    if (piece != &finish)
      g_string_free (piece, TRUE);
  g_async_queue_unref (deflater->full);
  g_async_queue_unref (deflater->empty);
}

static void
deflater_free (Deflater *deflater)
{
  g_clear_error (&deflater->error);
  g_free (deflater);
}

/* The sheet's XML */

/* @value's decimal digits at the end of @buffer (of 24 bytes); their length */
static gsize
format_uint (guint64 value, char *buffer)
{
  char *p = buffer + 24;

  do
    *--p = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  return (gsize) (buffer + 24 - p);
}

static void
append_uint (GString *out, guint64 value)
{
  char digits[24];
  gsize n = format_uint (value, digits);

  put (out, digits + 24 - n, n);
}

static void
set_row (SlCandidateSheet *sheet, guint row)
{
  char digits[24];

  sheet->row = row;
  sheet->row_length = format_uint (row, digits);
  memcpy (sheet->row_text, digits + 24 - sheet->row_length, sheet->row_length);
  sheet->row_text[sheet->row_length] = '\0';
}

/* The start of a cell: “<c r="B12"” */
static void
append_cell_start (SlCandidateSheet *sheet, guint column)
{
  GString *out = sheet->piece;

  APPEND (out, "<c r=\"");
  put (out, sheet->columns[column], sheet->column_length[column]);
  put (out, sheet->row_text, sheet->row_length);
  APPEND (out, "\"");
}

/* @text as XML character data: & < > escaped; characters XML cannot hold (control characters,
 * U+FFFE, U+FFFF), and an underscore that would start one of Excel's own escapes (“_x000D_”),
 * written as Excel's escapes */
static void
append_escaped (GString *out, const char *text, gsize length)
{
  const char *end = text + length;
  const char *plain = text; /* the start of what is copied as it is */

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      /* U+FFFE and U+FFFF, which XML cannot hold either: EF BF BE, EF BF BF */
      if (c == 0xef && end - p >= 3 && (guchar) p[1] == 0xbf && ((guchar) p[2] & 0xfe) == 0xbe)
        {
          put (out, plain, (gsize) (p - plain));
          if ((guchar) p[2] == 0xbe)
            APPEND (out, "_xFFFE_");
          else
            APPEND (out, "_xFFFF_");
          p += 2;
          plain = p + 1;
          continue;
        }
      if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '_')
        continue;
      if (c == '\t' || c == '\n')
        continue;
      if (c == '_' &&
          !(end - p >= 7 && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
            g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_'))
        continue;
      put (out, plain, (gsize) (p - plain));
      plain = p + 1;
      switch (c)
        {
        case '&':
          APPEND (out, "&amp;");
          break;
        case '<':
          APPEND (out, "&lt;");
          break;
        case '>':
          APPEND (out, "&gt;");
          break;
        case '_':
          APPEND (out, "_x005F_");
          break;
        default:
          g_string_append_printf (out, "_x%04X_", c);
          break;
        }
    }
  put (out, plain, (gsize) (end - plain));
}

/* A text cell; @style 0 for none */
static void
append_text_cell (SlCandidateSheet *sheet, guint column, const char *text, guint style)
{
  GString *out = sheet->piece;
  g_autofree char *valid = NULL;
  gsize length;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  length = strlen (text);
  if (length > STRING_MAX && g_utf8_strlen (text, -1) > STRING_MAX)
    length = (gsize) (g_utf8_offset_to_pointer (text, STRING_MAX) - text);
  append_cell_start (sheet, column);
  if (style != 0)
    {
      APPEND (out, " s=\"");
      append_uint (out, style);
      APPEND (out, "\"");
    }
  /* Excel drops spaces at either end unless told not to */
  if (length > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1])))
    APPEND (out, " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
  else
    APPEND (out, " t=\"inlineStr\"><is><t>");
  append_escaped (out, text, length);
  APPEND (out, "</t></is></c>");
}

/* A number cell; @style 2 for a date */
static void
append_number_cell (SlCandidateSheet *sheet, guint column, const char *number, gsize length,
                    guint style)
{
  GString *out = sheet->piece;

  append_cell_start (sheet, column);
  if (style != 0)
    {
      APPEND (out, " s=\"");
      append_uint (out, style);
      APPEND (out, "\"");
    }
  APPEND (out, "><v>");
  put (out, number, length);
  APPEND (out, "</v></c>");
}

/* A time as Excel's serial number: days since 1899-12-30 (Excel's 1900 system, 1970-01-01
 * being day 25569), UTC as in the CSV and the JSON; eleven decimals, a millionth of a second,
 * worked out in integers (a double printed with %.16G took longer than the rest of a row) */
static gsize
format_serial (gint64 unix_time, char *buffer)
{
  const guint64 scale = G_GUINT64_CONSTANT (100000000000);
  gint64 days = unix_time / 86400, seconds = unix_time % 86400;
  guint64 fraction;
  char digits[24];
  gsize n, length;

  if (seconds < 0)
    {
      seconds += 86400;
      days--;
    }
  n = format_uint ((guint64) (days + 25569), digits);
  memcpy (buffer, digits + 24 - n, n);
  length = n;
  fraction = ((guint64) seconds * scale + 43200) / 86400;
  if (fraction >= scale)
    fraction = scale - 1;
  if (fraction > 0)
    {
      n = format_uint (fraction, digits);
      buffer[length++] = '.';
      for (gsize zeros = 11 - n; zeros > 0; zeros--)
        buffer[length++] = '0';
      memcpy (buffer + length, digits + 24 - n, n);
      length += n;
      while (buffer[length - 1] == '0')
        length--;
    }
  buffer[length] = '\0';
  return length;
}

/* Hands the XML made so far to the deflating thread once there is a piece of it */
static gboolean
pass_piece (SlCandidateSheet *sheet, gboolean always, GError **error)
{
  Deflater *deflater = sheet->deflater;

  if (g_atomic_int_get (&deflater->failed))
    {
      /* The thread could not write; it set why before it said so, and leaves it alone */
      g_propagate_error (error, g_error_copy (deflater->error));
      return FALSE;
    }
  if (sheet->piece->len < PIECE_SIZE && !always)
    return TRUE;
  if (too_large (sheet, sheet->handed + sheet->piece->len, error))
    return FALSE;
  sheet->handed += sheet->piece->len;
  g_async_queue_push (deflater->full, sheet->piece);
  sheet->piece = g_async_queue_pop (deflater->empty);
  return TRUE;
}

static const struct
{
  const char *field;
  double width;
} widths[] = {
  { "id", 8 },          { "name", 28 },         { "email", 30 },
  { "phone", 18 },      { "city", 16 },         { "timezone", 18 },
  { "skills", 36 },     { "links", 36 },        { "notes", 40 },
  { "consent_at", 18 }, { "created_at", 18 },   { "updated_at", 18 },
  { "source", 16 },     { "availability", 16 }, { "years_experience", 10 },
};

/* The spreadsheet name of column @index, counted from 0: “A” … “Z”, “AA” … “ZZ”, “AAA” …
 * “XFD” (the last a sheet has); returns its length */
guint
sl_sheet_column_name (guint index, char name[4])
{
  char reversed[3];
  guint n = 0;

  g_return_val_if_fail (index < 16384, 0);

  for (guint rest = index + 1; rest > 0 && n < 3; rest = (rest - 1) / 26)
    reversed[n++] = (char) ('A' + (rest - 1) % 26);
  for (guint i = 0; i < n; i++)
    name[i] = reversed[n - 1 - i];
  name[n] = '\0';
  return n;
}

SlCandidateSheet *
sl_candidate_sheet_new (SlExportFile *file, GError **error)
{
  SlCandidateSheet *sheet = g_new0 (SlCandidateSheet, 1);
  const char *const *fields = sl_candidate_json_fields ();
  g_autoptr (GString) out = g_string_new (NULL);
  ZipEntry entry = { g_strdup ("xl/worksheets/sheet1.xml"), 0, 0, 0, 0 };

  sheet->file = file;
  sheet->entries = g_array_new (FALSE, FALSE, sizeof (ZipEntry));
  g_array_set_clear_func (sheet->entries, zip_entry_clear);
  sheet->scratch = g_string_new (NULL);
  sheet->n_columns = sl_candidate_n_fields ();
  sheet->columns = g_malloc0_n (sheet->n_columns, sizeof *sheet->columns);
  sheet->column_length = g_new0 (guint8, sheet->n_columns);
  for (guint c = 0; c < sheet->n_columns; c++)
    sheet->column_length[c] = (guint8) sl_sheet_column_name (c, sheet->columns[c]);

  /* The sheet first, as it is made; its size and checksum follow it */
  g_array_append_val (sheet->entries, entry);
  local_header (out, &entry, TRUE);
  if (!write_out (sheet, out, error))
    {
      sl_candidate_sheet_free (sheet);
      return NULL;
    }
  sheet->deflater = deflater_start (file);
  sheet->piece = g_async_queue_pop (sheet->deflater->empty);

  g_string_append (sheet->piece,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                   " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships\">"
                   /* The header row stays in view */
                   "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
                   "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
                   " state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\""
                   " sqref=\"A2\"/></sheetView></sheetViews>"
                   "<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      double width = 14;
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        if (g_str_equal (widths[w].field, fields[c]))
          width = widths[w].width;
      /* In characters, with the padding Excel adds */
      g_string_append_printf (sheet->piece,
                              "<col min=\"%u\" max=\"%u\" width=\"%s\" customWidth=\"1\"/>", c + 1,
                              c + 1, g_ascii_dtostr (number, sizeof number, width + 0.7109375));
    }
  g_string_append (sheet->piece, "</cols><sheetData><row r=\"1\">");
  set_row (sheet, 1);
  for (guint c = 0; c < sheet->n_columns; c++)
    append_text_cell (sheet, c, fields[c], 1);
  g_string_append (sheet->piece, "</row>");
  return sheet;
}

gboolean
sl_candidate_sheet_add (SlCandidateSheet *sheet, const SlCandidateRecord *candidate, GError **error)
{
  if (sheet->row >= ROW_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("A spreadsheet holds at most %u candidates; export fewer, or as CSV"),
                   (guint) ROW_MAX - 1);
      return FALSE;
    }
  set_row (sheet, sheet->row + 1);
  APPEND (sheet->piece, "<row r=\"");
  put (sheet->piece, sheet->row_text, sheet->row_length);
  APPEND (sheet->piece, "\">");
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      SlCandidateCell cell;
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      sl_candidate_record_cell (candidate, c, sheet->scratch, &cell);
      switch (cell.kind)
        {
        case SL_CANDIDATE_CELL_TEXT:
        case SL_CANDIDATE_CELL_LIST:
          if (*cell.text != '\0')
            append_text_cell (sheet, c, cell.text, 0);
          break;
        case SL_CANDIDATE_CELL_NUMBER:
          if (cell.number == (double) (guint32) cell.number)
            {
              char digits[24];
              gsize n = format_uint ((guint32) cell.number, digits);

              append_number_cell (sheet, c, digits + 24 - n, n, 0);
            }
          else
            {
              const char *text = sl_candidate_format_number (cell.number, number, sizeof number);
              append_number_cell (sheet, c, text, strlen (text), 0);
            }
          break;
        case SL_CANDIDATE_CELL_TIME:
          {
            gsize n = format_serial (cell.time, number);
            append_number_cell (sheet, c, number, n, 2);
          }
          break;
        case SL_CANDIDATE_CELL_NULL:
        default:
          break;
        }
    }
  APPEND (sheet->piece, "</row>");
  return pass_piece (sheet, FALSE, error);
}

/* @text for an attribute's value or an element of the small parts */
static char *
xml_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  g_auto (GStrv) parts = g_strsplit (text, "\"", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        APPEND (out, "&quot;");
      append_escaped (out, parts[i], strlen (parts[i]));
    }
  return g_string_free (out, FALSE);
}

/* The parts after the sheet: the workbook, its styles, relations and properties */
static gboolean
add_small_parts (SlCandidateSheet *sheet, GError **error)
{
  /* Translators: the name of the sheet of an exported candidate list */
  g_autofree char *name = xml_escape (C_ ("sheet", "Candidates"));
  g_autofree char *title = xml_escape (_ ("Candidates"));
  g_autofree char *quoted = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *core = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *last_column = g_strdup (sheet->columns[sheet->n_columns - 1]);
  g_auto (GStrv) parts = g_strsplit (C_ ("sheet", "Candidates"), "'", -1);
  g_autofree char *apostrophes = g_strjoinv ("''", parts);

  /* The filter's range, for Excel's hidden name of it */
  quoted = xml_escape (apostrophes);
  if (sheet->row > 1)
    filter = g_strdup_printf ("<definedNames><definedName name=\"_xlnm._FilterDatabase\""
                              " localSheetId=\"0\" hidden=\"1\">'%s'!$A$1:$%s$%u</definedName>"
                              "</definedNames>",
                              quoted, last_column, sheet->row);
  else
    filter = g_strdup ("");
  workbook = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<bookViews><workbookView/></bookViews>"
    "<sheets><sheet name=\"%s\" sheetId=\"1\" r:id=\"rId1\"/></sheets>%s</workbook>",
    name, filter);
  core = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<cp:coreProperties"
    " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
    " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    "<dc:title>%s</dc:title>"
    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
    "</cp:coreProperties>",
    title, created, created);

  return add_part (sheet, "xl/workbook.xml", workbook, error) &&
         add_part (sheet, "xl/styles.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                   "main\">"
                   "<numFmts count=\"1\"><numFmt numFmtId=\"164\""
                   " formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
                   "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/>"
                   "<family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/>"
                   "<family val=\"2\"/></font></fonts>"
                   "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                   "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                   "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/>"
                   "</border><border><left/><right/><top/><bottom style=\"thin\">"
                   "<color auto=\"1\"/></bottom><diagonal/></border></borders>"
                   "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
                   " borderId=\"0\"/></cellStyleXfs>"
                   /* 0: plain; 1: the header, bold over a line; 2: a date and time */
                   "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\""
                   " borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\""
                   " borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>"
                   "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                   " applyNumberFormat=\"1\"/></cellXfs>"
                   "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\""
                   " builtinId=\"0\"/></cellStyles></styleSheet>",
                   error) &&
         add_part (sheet, "xl/_rels/workbook.xml.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Relationships"
                   " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/worksheet\""
                   " Target=\"worksheets/sheet1.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                   "</Relationships>",
                   error) &&
         add_part (sheet, "docProps/core.xml", core, error) &&
         add_part (sheet, "docProps/app.xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "extended-properties\"><Application>Shortlist</Application></Properties>",
                   error) &&
         add_part (sheet, "_rels/.rels",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Relationships"
                   " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/officeDocument\""
                   " Target=\"xl/workbook.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/"
                   "2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                   "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                   "officeDocument/2006/relationships/extended-properties\""
                   " Target=\"docProps/app.xml\"/></Relationships>",
                   error) &&
         add_part (sheet, "[Content_Types].xml",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/"
                   "vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                   "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                   "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-package.core-properties+xml\"/>"
                   "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
                   "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>",
                   error);
}

/* The zip's table of contents, at its end */
static gboolean
add_directory (SlCandidateSheet *sheet, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint32 start = (guint32) sheet->offset;
  guint32 size;

  for (guint i = 0; i < sheet->entries->len; i++)
    {
      const ZipEntry *entry = &g_array_index (sheet->entries, ZipEntry, i);

      put32 (out, 0x02014b50);
      put16 (out, 20); /* made by */
      put16 (out, 20); /* needed */
      put16 (out, i == 0 ? 0x0008 : 0);
      put16 (out, Z_DEFLATED);
      put16 (out, DOS_TIME);
      put16 (out, DOS_DATE);
      put32 (out, entry->crc);
      put32 (out, entry->compressed);
      put32 (out, entry->size);
      put16 (out, (guint) strlen (entry->name));
      put16 (out, 0); /* extra field */
      put16 (out, 0); /* comment */
      put16 (out, 0); /* disk */
      put16 (out, 0); /* internal attributes */
      put32 (out, 0); /* external attributes */
      put32 (out, entry->offset);
      g_string_append (out, entry->name);
    }
  size = (guint32) out->len;
  put32 (out, 0x06054b50);
  put16 (out, 0);
  put16 (out, 0);
  put16 (out, sheet->entries->len);
  put16 (out, sheet->entries->len);
  put32 (out, size);
  put32 (out, start);
  put16 (out, 0);
  if (too_large (sheet, out->len, error))
    return FALSE;
  return write_out (sheet, out, error);
}

/* Writes the rest of the workbook and frees @sheet */
gboolean
sl_candidate_sheet_close (SlCandidateSheet *sheet, GError **error)
{
  Deflater *deflater = sheet->deflater;
  ZipEntry *entry = &g_array_index (sheet->entries, ZipEntry, 0);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean ok;

  g_string_append (sheet->piece, "</sheetData>");
  if (sheet->row > 1)
    g_string_append_printf (sheet->piece, "<autoFilter ref=\"A1:%s%u\"/>",
                            sheet->columns[sheet->n_columns - 1], sheet->row);
  g_string_append (sheet->piece, "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\""
                                 " bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
  ok = pass_piece (sheet, TRUE, error);
  sheet->deflater = NULL;
  deflater_stop (deflater, !ok);
  /* A write that failed after the last piece was handed over */
  if (ok && g_atomic_int_get (&deflater->failed))
    {
      g_propagate_error (error, g_steal_pointer (&deflater->error));
      ok = FALSE;
    }
  if (ok)
    ok = !too_large (sheet, deflater->size, error);
  if (ok)
    {
      entry->crc = deflater->crc;
      entry->size = (guint32) deflater->size;
      entry->compressed = (guint32) deflater->compressed;
      sheet->offset += deflater->compressed;
      ok = !too_large (sheet, 16, error);
    }
  deflater_free (deflater);
  if (ok)
    {
      put32 (out, 0x08074b50);
      put32 (out, entry->crc);
      put32 (out, entry->compressed);
      put32 (out, entry->size);
      ok = write_out (sheet, out, error) && add_small_parts (sheet, error) &&
           add_directory (sheet, error);
    }
  sl_candidate_sheet_free (sheet);
  return ok;
}

/* Frees @sheet; a workbook not closed yet is left unfinished (its file is removed) */
void
sl_candidate_sheet_free (SlCandidateSheet *sheet)
{
  if (sheet == NULL)
    return;
  if (sheet->deflater != NULL)
    {
      deflater_stop (sheet->deflater, TRUE);
      deflater_free (sheet->deflater);
    }
  if (sheet->piece != NULL)
    g_string_free (sheet->piece, TRUE);
  g_string_free (sheet->scratch, TRUE);
  g_array_unref (sheet->entries);
  g_free (sheet->columns);
  g_free (sheet->column_length);
  g_free (sheet);
}
