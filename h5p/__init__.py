"""H5P packages: upload and validation, storage through Django's storage API, the player that
lessons embed, capture of H5P's xAPI events, and H5P's content-user-data (resume)."""
