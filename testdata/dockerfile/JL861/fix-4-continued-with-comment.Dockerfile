FROM continuumio/miniconda3:24.1.2-0
RUN conda install -y -c conda-forge numpy && \
    # pandas pins its own numpy range
    conda install -y -c conda-forge pandas
USER 1000
