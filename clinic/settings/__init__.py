"""Settings package: base holds what every mode shares; dev, test and prod adjust it."""
