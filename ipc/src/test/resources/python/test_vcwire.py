"""Unit tests of the Python wire client on its own (the Java interop test covers the other side)."""
import os
import time
import unittest
import uuid

import vcwire


class VcwireTest(unittest.TestCase):
    def setUp(self):
        self.name = "vc-pytest-" + uuid.uuid4().hex
        self.path = os.path.join(vcwire.SHM_DIRECTORY, self.name)

    def tearDown(self):
        if os.path.exists(self.path):
            os.unlink(self.path)

    def test_reads_back_values_and_counts_sequences(self):
        with vcwire.Writer.create(self.name, 16) as w, vcwire.Reader(self.name) as r:
            self.assertIsNone(r.read())
            w.write(2.5)
            w.write_int(-7)
            self.assertEqual((2, -7), r.read())
            w.write_string("x" * 10000)
            self.assertEqual((3, "x" * 10000), r.read())
            self.assertEqual(0o600, os.stat(self.path).st_mode & 0o777)

    @unittest.skipIf(vcwire._np is None, "needs numpy")
    def test_carries_numpy_unicode_arrays_at_four_bytes_a_character(self):
        np = vcwire._np
        text = np.array(["left", "right"], dtype="<U64")
        with vcwire.Writer.create(self.name, 16) as w, vcwire.Reader(self.name) as r:
            w.write(text)
            seq, back = r.read()
            self.assertEqual(1, seq)
            self.assertEqual(text.dtype, back.dtype)
            self.assertEqual(["left", "right"], back.tolist())

    def test_works_without_numpy(self):
        saved = vcwire._np
        vcwire._np = None
        try:
            with vcwire.Writer.create(self.name, 16) as w, vcwire.Reader(self.name) as r:
                w.write([1.0, 2.0, 3.0])
                self.assertEqual([1.0, 2.0, 3.0], r.read()[1])
                w.write_array([1, 2, 3, 4], shape=(2, 2))
                self.assertEqual([[1.0, 2.0], [3.0, 4.0]], r.read()[1])
                w.write_bool(False)
                self.assertIs(False, r.read()[1])
        finally:
            vcwire._np = saved

    def test_wait_times_out_without_a_new_value(self):
        with vcwire.Writer.create(self.name) as w, vcwire.Reader(self.name) as r:
            w.write(1.0)
            start = time.monotonic()
            self.assertIsNone(r.wait(1, 0.05))
            self.assertLess(time.monotonic() - start, 5.0)

    def test_reports_a_closed_writer_as_not_alive(self):
        w = vcwire.Writer.create(self.name)
        r = vcwire.Reader(self.name)
        self.assertTrue(r.writer_alive())
        w.close()
        self.assertFalse(r.writer_alive())
        r.close()

    def test_rejects_a_file_that_is_not_a_wire(self):
        with open(self.path, "wb") as f:
            f.write(b"garbage" * 100)
        with self.assertRaises(vcwire.WireError) as caught:
            vcwire.Reader(self.name)
        self.assertIn("magic", str(caught.exception))

    def test_refuses_to_create_over_an_existing_file_or_a_bad_name(self):
        vcwire.Writer.create(self.name).close()
        with self.assertRaises(vcwire.WireError):
            vcwire.Writer.create(self.name)
        with self.assertRaises(vcwire.WireError):
            vcwire.Reader("../etc/passwd")


if __name__ == "__main__":
    unittest.main()
