# syntax=docker/dockerfile:1
FROM continuumio/miniconda3:24.1.2-0
RUN <<EOF
conda config --add channels conda-forge
conda install -y numpy pandas
EOF
USER 1000
