/* sl-ics.c — an interview as an iCalendar (RFC 5545) invitation, as text or as a file
 *
 * The invitation is built in the formats module (sl-ics-calendar.c), with libical.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sl-formats.h"
#include "sl-ics.h"

/* The invitation as text (CRLF lines, folded at 75 octets). @zone is the one its times are
 * written in, normally the local zone; @now is its DTSTAMP. @organizer may be NULL. NULL with
 * @error set when the formats module cannot be loaded. */
char *
sl_ics_interview_to_string (SlInterview *interview, SlMember *organizer, GTimeZone *zone,
                            gint64 now, GError **error)
{
  const SlFormats *formats = sl_formats_get (error);

  if (formats == NULL)
    return NULL;
  return formats->interview_calendar (interview, organizer, zone, now);
}

static gboolean
write_all (int fd, const char *data, gsize length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written == 0)
        errno = EIO;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/* Writes the invitation to @path, in the local zone: to a temporary file beside it that then
 * replaces it, so a failure leaves no half-written file (and an older one as it was) */
gboolean
sl_ics_write_interview (SlInterview *interview, SlMember *organizer, const char *path,
                        GError **error)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *text = sl_ics_interview_to_string (interview, organizer, zone,
                                                      g_get_real_time () / G_USEC_PER_SEC, error);
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  g_autofree char *display = g_filename_display_name (path);
  int fd, saved = 0;

  if (text == NULL)
    return FALSE;
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved = errno;
      goto fail;
    }
  if (!write_all (fd, text, strlen (text)) || fsync (fd) != 0)
    {
      saved = errno;
      close (fd);
      g_unlink (temporary);
      goto fail;
    }
  if (close (fd) != 0 || g_rename (temporary, path) != 0)
    {
      saved = errno;
      g_unlink (temporary);
      goto fail;
    }
  return TRUE;

fail:
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               /* TRANSLATORS: the first %s is a file name, the second why it failed */
               _ ("Cannot write “%s”: %s"), display, g_strerror (saved));
  return FALSE;
}
