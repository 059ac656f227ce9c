"""Reading a corpus: find documents and their metadata, read bytes, decode, normalise the text."""
