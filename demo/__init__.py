"""The demo content: the first Entrelabs session, its labs, projects and methods, as data (demo/data/).

The top layer of the project: it imports the other apps and nothing imports it.
"""
