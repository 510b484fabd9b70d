#!/usr/bin/env bash
# Makes the encrypted PDF fixtures from tests/fixtures/formats/niger_delta_sitrep.pdf with qpdf
# (Debian: apt-get install qpdf). Run from anywhere; the outputs are committed.
#   locked_report.pdf      AES-256, a user password ("sesame"): it cannot be read without it.
#   restricted_report.pdf  AES-256, an empty user password and an owner password with printing
#                          and copying forbidden: readers open it without asking.
set -euo pipefail
cd "$(dirname "$0")"
src=../../fixtures/formats/niger_delta_sitrep.pdf
qpdf --static-id --encrypt sesame owner-secret 256 -- "$src" locked_report.pdf
qpdf --static-id --encrypt "" owner-secret 256 --print=none --extract=n -- "$src" restricted_report.pdf
