"""What users read: the terminal comparison and the HTML report."""
