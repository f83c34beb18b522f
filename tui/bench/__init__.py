"""Benchmarks behind `wiredesk bench`: ratios against baselines measured in the same run."""
