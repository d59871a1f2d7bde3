"""How papers print a person's name, defined once for owners, minutes and
document metadata.

Names are not only ASCII: Welsh and Irish councils' officers ("Siân
Llywelyn", "Elin Ŵyn", "Róisín Ní Bhriain"), and names such as "Zoë" or
"José", use the accented capitals and small letters of the Latin script.
Names join with particles ("Dafydd ap Iorwerth", "Ana de la Cruz") and open
with prefixes ("MacLeod", "McKenna", "O'Neill", "FitzGerald").

Regex fragments, no groups:
  UP, LO    the capitals / small letters, for use inside a character class
  WORD      a capitalised word of a name, apostrophes and hyphens kept ("Watkin-Davies")
  TOKEN     a name's word in the stricter shape owners use ("O'Neill", "MacLeod", "Ffransis-Jones")
  PARTICLE  a lower-case word that joins a name's parts, followed by its space
"""
from __future__ import annotations

_LATIN = [chr(c) for c in range(0xC0, 0x180)]
UP = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LO = "a-z" + "".join(c for c in _LATIN if c.islower())
WORD = rf"[{UP}][{LO}'’-]+(?:-[{UP}][{LO}'’]+)?"
TOKEN = (rf"(?:[{UP}][{LO}]+(?:[-'’][{UP}]?[{LO}]+)?|[{UP}]'\s?[{UP}][{LO}]+|"
         rf"(?:Mc|Mac|Fitz)[{UP}][{LO}]+(?:-[{UP}][{LO}]+)?)")
PARTICLE = r"(?:(?:ap|ab|ferch|verch|de|da|di|du|del|della|van|von|der|den|le|la|bin|al|el)\s+)"
