"""The output tables: their schemas (every column), the Parquet writer and exports."""
