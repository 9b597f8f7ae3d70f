-- Sign-in now matches the normalised email exactly (NFC, lower case; lib/domain/schemas/account.ts
-- normalizeEmail), and new accounts are stored that way. Bring existing rows to the same spelling.
-- A row whose normalised spelling another row already has (an NFC/NFD pair) keeps its old spelling
-- rather than failing the migration on the unique index: an admin merges or renames it.
UPDATE users u
SET email = lower(normalize(u.email, NFC))
WHERE u.email <> lower(normalize(u.email, NFC))
  AND NOT EXISTS (
    SELECT 1 FROM users o
    WHERE o.id <> u.id AND lower(normalize(o.email, NFC)) = lower(normalize(u.email, NFC))
  );
