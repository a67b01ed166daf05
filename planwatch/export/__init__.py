"""Writers for CSV, Parquet, Excel, JSON, the published schema and the HTML report."""
